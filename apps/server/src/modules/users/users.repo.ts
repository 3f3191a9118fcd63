import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { likeEscape } from '../../lib/sql';

export async function insertUser(db: Kysely<DB>, user: DB['users'], roles: string[]) {
  await db.insertInto('users').values(user).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: user.id, role })))
      .execute();
  }
}

export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirst();
}

export async function countUsers(db: Kysely<DB>) {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An account whose username equals this one ignoring case (so "Ent.A" cannot sit beside "ent.a"). */
export async function findUsernameTaken(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username'])
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

/** What the service has decided the actor may see (mirrors users.policy's UserScope). */
export type UserVisibility =
  | { kind: 'all' }
  | { kind: 'region'; path: string }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'none' };

export interface UserFilter {
  q?: string;
  role?: string;
  organizationId?: string;
  status?: string;
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id');
}

function applyFilter(db: Kysely<DB>, filter: UserFilter, visibility: UserVisibility) {
  let query = base(db);
  switch (visibility.kind) {
    case 'all':
      break;
    case 'region':
      query = query.where(sql<boolean>`r.path like ${likeEscape(visibility.path) + '%'} escape '\\'`);
      break;
    case 'organization':
      query = query.where('u.organization_id', '=', visibility.organizationId);
      break;
    case 'none':
      query = query.where(sql<boolean>`1 = 0`);
      break;
  }
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`u.username like ${pattern} escape '\\'`,
        sql<boolean>`u.display_name like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as ur')
          .select('ur.user_id')
          .whereRef('ur.user_id', '=', 'u.id')
          .where('ur.role', '=', role),
      ),
    );
  }
  if (filter.organizationId) {
    query = query.where('u.organization_id', '=', filter.organizationId);
  }
  if (filter.status) {
    query = query.where('u.status', '=', filter.status);
  }
  return query;
}

// No password_hash here: the hash is written by this module but never read back out of it.
const COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.status',
  'u.created_at',
  'u.last_login_at',
  'o.id as organization_id',
  'o.name as organization_name',
  'o.kind as organization_kind',
  'r.id as region_id',
  'r.name as region_name',
  'r.path as region_path',
] as const;

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export async function searchUsers(
  db: Kysely<DB>,
  filter: UserFilter,
  visibility: UserVisibility,
  limit: number,
  offset: number,
) {
  return applyFilter(db, filter, visibility)
    .select(COLUMNS)
    .orderBy('u.username')
    .orderBy('u.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countMatchingUsers(db: Kysely<DB>, filter: UserFilter, visibility: UserVisibility) {
  const row = await applyFilter(db, filter, visibility)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUser(db: Kysely<DB>, id: string) {
  return base(db).select(COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .orderBy('role')
      .execute();
    for (const row of rows) {
      const list = result.get(row.user_id) ?? [];
      list.push(row.role);
      result.set(row.user_id, list);
    }
  }
  return result;
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  values: Partial<Omit<DB['users'], 'id' | 'password_hash'>>,
) {
  if (Object.keys(values).length > 0) {
    await db.updateTable('users').set(values).where('id', '=', id).execute();
  }
}

export async function replaceRoles(db: Kysely<DB>, userId: string, roles: string[]) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function setPasswordHash(db: Kysely<DB>, userId: string, hash: string, at: string) {
  await db.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', userId).execute();
}

/** Ends every session of the account: its next request is unauthenticated. */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Lifts a login lock-out: an administrator who has just set a new password means the user to use it. */
export async function clearLoginFailures(db: Kysely<DB>, username: string) {
  await db.deleteFrom('login_failures').where('username', '=', username).execute();
}
