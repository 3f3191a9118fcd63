import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { NotificationListQuery, NotificationSchema } from './notifications.schemas';
import { listNotifications, readAllNotifications, readNotification, unreadCount } from './notifications.service';

const TAGS = ['通知 notifications'];

/** The in-app inbox: what is addressed to the user or to their organisation. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { permission: 'self' },
      schema: {
        tags: TAGS,
        operationId: 'listNotifications',
        summary: '我的通知（发给本人或本单位的，最新在前；unread=true 仅未读）',
        querystring: NotificationListQuery,
        response: { 200: Page(NotificationSchema) },
      },
    },
    async (request) => listNotifications(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { permission: 'self' },
      schema: {
        tags: TAGS,
        operationId: 'countUnreadNotifications',
        summary: '未读通知数',
        response: { 200: Type.Object({ unread: Type.Integer() }) },
      },
    },
    async (request) => unreadCount(app.db, contextOf(request)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { permission: 'self' },
      schema: {
        tags: TAGS,
        operationId: 'readNotification',
        summary: '标记一条通知为已读',
        params: IdParams,
        response: { 200: NotificationSchema },
      },
    },
    async (request) => readNotification(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { permission: 'self' },
      schema: {
        tags: TAGS,
        operationId: 'readAllNotifications',
        summary: '全部标为已读',
        response: { 200: Type.Object({ marked: Type.Integer() }) },
      },
    },
    async (request) => readAllNotifications(app.db, contextOf(request)),
  );
};
