import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function findUserForLogin(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.username', 'u.password_hash', 'u.status', 'o.status as organization_status'])
    .where('u.username', '=', username)
    .executeTakeFirst();
}

export async function findPasswordHash(db: Kysely<DB>, userId: string) {
  const row = await db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function updatePasswordHash(db: Kysely<DB>, userId: string, hash: string, at: string) {
  await db.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', userId).execute();
}

export async function recordLogin(db: Kysely<DB>, userId: string, at: string) {
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
}

export async function insertSession(
  db: Kysely<DB>,
  row: { id: string; user_id: string; csrf_token: string; created_at: string; expires_at: string },
) {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string, exceptId?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) {
    query = query.where('id', '<>', exceptId);
  }
  await query.execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

/** The session with everything an Actor needs, in one query; roles come in a second. */
export async function findSessionActor(db: Kysely<DB>, sessionId: string, now: string) {
  return (
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('organizations as o', 'o.id', 'u.organization_id')
      .innerJoin('regions as r', 'r.id', 'o.region_id')
      .select([
        's.id as session_id',
        's.csrf_token',
        'u.id as user_id',
        'u.username',
        'u.display_name',
        'o.id as organization_id',
        'o.name as organization_name',
        'o.kind as organization_kind',
        'r.id as region_id',
        'r.name as region_name',
        'r.path as region_path',
      ])
      .where('s.id', '=', sessionId)
      .where('s.expires_at', '>', now)
      .where('u.status', '=', 'active')
      // An archived organisation (or enterprise) no longer acts on the platform.
      .where('o.status', '=', 'active')
      .executeTakeFirst()
  );
}

export async function findRoles(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role);
}

export async function insertLoginFailure(db: Kysely<DB>, row: { id: string; username: string; at: string }) {
  await db.insertInto('login_failures').values(row).execute();
}

export async function recentLoginFailures(db: Kysely<DB>, username: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('at')
    .where('username', '=', username)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .execute();
  return rows.map((r) => r.at);
}

export async function clearLoginFailures(db: Kysely<DB>, username: string) {
  await db.deleteFrom('login_failures').where('username', '=', username).execute();
}
