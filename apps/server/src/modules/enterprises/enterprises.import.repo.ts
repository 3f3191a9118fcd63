import type { Kysely } from 'kysely';
import type { DB, ImportJobTable } from '../../db/schema';

const JOB_COLUMNS = [
  'id',
  'user_id',
  'kind',
  'status',
  'file_name',
  'total_rows',
  'processed_rows',
  'valid_rows',
  'error_rows',
  'imported_rows',
  'message',
  'created_at',
  'updated_at',
] as const;

export type ImportJobRow = Omit<ImportJobTable, 'report'>;

export async function insertImportJob(db: Kysely<DB>, job: ImportJobTable): Promise<void> {
  await db.insertInto('import_jobs').values(job).execute();
}

/** The job without its report (the report can be megabytes; most callers need only the counters). */
export async function findImportJob(db: Kysely<DB>, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findImportReport(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('import_jobs').select('report').where('id', '=', id).executeTakeFirst();
  return row?.report;
}

export async function updateImportJob(
  db: Kysely<DB>,
  id: string,
  values: Partial<Omit<ImportJobTable, 'id' | 'user_id' | 'kind' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('import_jobs').set(values).where('id', '=', id).execute();
}

/**
 * Moves a job from one status to another only if it is still in the first one; returns whether it
 * moved. This is what makes a second commit a 409 even when two requests arrive together.
 */
export async function transitionImportJob(
  db: Kysely<DB>,
  id: string,
  from: string,
  values: Partial<Omit<ImportJobTable, 'id' | 'user_id' | 'kind' | 'created_at'>> & { status: string },
): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
