import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import * as repo from './notifications.repo';

/** What the app tells people about: campaign tasks and reminders, review results, renewals. */
export type NotificationKind =
  | 'campaign_assigned'
  | 'campaign_reminder'
  | 'assessment_opened'
  | 'assessment_submitted'
  | 'assessment_returned'
  | 'assessment_accepted'
  | 'designation_application'
  | 'designation_scoring'
  | 'designation_objection'
  | 'designation_granted'
  | 'designation_review'
  | 'secret_offboarding_overdue'
  | 'workitem_overdue';

export type NotifyInput = {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  /** Same key twice: the second is not sent (scheduled reminders stay idempotent). */
  dedupeKey?: string;
} & ({ userId: string; organizationId?: undefined } | { organizationId: string; userId?: undefined });

/**
 * Puts a notification in a user's inbox or in an organisation's (seen by each of its users), inside the
 * caller's transaction so it exists exactly when the change it reports does. Returns whether it was
 * written (false when the dedupe key was used before).
 */
export async function notify(trx: Kysely<DB>, input: NotifyInput): Promise<boolean> {
  return repo.insertNotification(trx, {
    id: newId(),
    recipient_user_id: input.userId ?? null,
    recipient_organization_id: input.organizationId ?? null,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link,
    dedupe_key: input.dedupeKey ?? null,
    created_at: nowIso(),
    read_at: null,
  });
}

const recipientOf = (ctx: RequestContext): repo.Recipient => ({
  userId: ctx.actor.userId,
  organizationId: ctx.actor.organizationId,
});

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findInInbox>>>) {
  const readAt = row.recipient_user_id !== null ? row.read_at : row.my_read_at;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    addressedTo: row.recipient_user_id !== null ? ('user' as const) : ('organization' as const),
    createdAt: row.created_at,
    read: readAt !== null,
    readAt,
  };
}

export type Notification = ReturnType<typeof present>;

/** The actor's inbox: notifications addressed to them or to their organisation, newest first. */
export async function listNotifications(
  db: Kysely<DB>,
  ctx: RequestContext,
  query: { unread?: boolean; page?: number; pageSize?: number },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const me = recipientOf(ctx);
  const unreadOnly = query.unread === true;
  const [rows, total] = await Promise.all([
    repo.listInbox(db, me, unreadOnly, pageSize, (page - 1) * pageSize),
    repo.countInbox(db, me, unreadOnly),
  ]);
  return { items: rows.map(present), total, page, pageSize };
}

export async function unreadCount(db: Kysely<DB>, ctx: RequestContext): Promise<{ unread: number }> {
  return { unread: await repo.countInbox(db, recipientOf(ctx), true) };
}

/** Marks one notification read for the actor; someone else's is 404, like a missing one. */
export async function readNotification(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Notification> {
  const me = recipientOf(ctx);
  const found = await repo.findInInbox(db, me, id);
  if (!found) {
    throw notFound('通知');
  }
  await db.transaction().execute(async (trx) => repo.markRead(trx, me, id, nowIso()));
  const row = await repo.findInInbox(db, me, id);
  if (!row) {
    throw notFound('通知');
  }
  return present(row);
}

export async function readAllNotifications(db: Kysely<DB>, ctx: RequestContext): Promise<{ marked: number }> {
  const marked = await db.transaction().execute(async (trx) => repo.markAllRead(trx, recipientOf(ctx), nowIso()));
  return { marked };
}
