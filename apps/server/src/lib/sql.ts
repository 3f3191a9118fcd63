import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Escapes LIKE wildcards so a user's % or _ match themselves; use with `escape '\'`. */
export const likeEscape = (value: string): string => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * The ids of a region and every region below it (a prefix match on the materialised path), as a subquery:
 * `.where('x.region_id', 'in', regionsUnder(db, path))`.
 */
export function regionsUnder(db: Kysely<DB>, path: string) {
  return db
    .selectFrom('regions')
    .select('regions.id')
    .where(sql<boolean>`regions.path like ${likeEscape(path) + '%'} escape '\\'`);
}
