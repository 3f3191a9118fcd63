export { notificationRoutes } from './notifications.routes';
export { notify, type NotificationKind, type NotifyInput } from './notifications.service';
