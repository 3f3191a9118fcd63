import { sql, type Kysely } from 'kysely';
import type { DB, NotificationTable } from '../../db/schema';

export interface Recipient {
  userId: string;
  organizationId: string;
}

const COLUMNS = [
  'n.id',
  'n.recipient_user_id',
  'n.recipient_organization_id',
  'n.kind',
  'n.title',
  'n.body',
  'n.link',
  'n.created_at',
  'n.read_at',
] as const;

/** Inserts one notification; a repeated dedupe key inserts nothing. Returns whether a row was written. */
export async function insertNotification(db: Kysely<DB>, row: NotificationTable): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

function inbox(db: Kysely<DB>, me: Recipient, unreadOnly: boolean) {
  let query = db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as nr', (join) =>
      join.onRef('nr.notification_id', '=', 'n.id').on('nr.user_id', '=', me.userId),
    )
    .where((eb) =>
      eb.or([eb('n.recipient_user_id', '=', me.userId), eb('n.recipient_organization_id', '=', me.organizationId)]),
    );
  if (unreadOnly) {
    query = query.where('n.read_at', 'is', null).where('nr.read_at', 'is', null);
  }
  return query;
}

export async function listInbox(db: Kysely<DB>, me: Recipient, unreadOnly: boolean, limit: number, offset: number) {
  return inbox(db, me, unreadOnly)
    .select([...COLUMNS, 'nr.read_at as my_read_at'])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countInbox(db: Kysely<DB>, me: Recipient, unreadOnly: boolean): Promise<number> {
  const row = await inbox(db, me, unreadOnly)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findInInbox(db: Kysely<DB>, me: Recipient, id: string) {
  return inbox(db, me, false)
    .select([...COLUMNS, 'nr.read_at as my_read_at'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** Marks one notification read for this user: on the row if addressed to them, else in their read list. */
export async function markRead(db: Kysely<DB>, me: Recipient, id: string, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('recipient_user_id', '=', me.userId)
    .where('read_at', 'is', null)
    .execute();
  await db
    .insertInto('notification_reads')
    .columns(['notification_id', 'user_id', 'read_at'])
    .expression(
      db
        .selectFrom('notifications')
        .select([
          'id',
          sql<string>`cast(${me.userId} as text)`.as('user_id'),
          sql<string>`cast(${at} as text)`.as('read_at'),
        ])
        .where('id', '=', id)
        .where('recipient_organization_id', '=', me.organizationId),
    )
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}

/** Marks everything in the user's inbox read; returns how many were unread. */
export async function markAllRead(db: Kysely<DB>, me: Recipient, at: string): Promise<number> {
  const unread = await countInbox(db, me, true);
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('recipient_user_id', '=', me.userId)
    .where('read_at', 'is', null)
    .execute();
  await db
    .insertInto('notification_reads')
    .columns(['notification_id', 'user_id', 'read_at'])
    .expression(
      db
        .selectFrom('notifications as n')
        .select([
          'n.id',
          sql<string>`cast(${me.userId} as text)`.as('user_id'),
          sql<string>`cast(${at} as text)`.as('read_at'),
        ])
        .where('n.recipient_organization_id', '=', me.organizationId)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('notification_reads as r')
                .select('r.notification_id')
                .whereRef('r.notification_id', '=', 'n.id')
                .where('r.user_id', '=', me.userId),
            ),
          ),
        ),
    )
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
  return unread;
}
