import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function insertUser(
  db: Kysely<DB>,
  user: DB['users'],
  roles: string[],
) {
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
  const row = await db.selectFrom('users').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
