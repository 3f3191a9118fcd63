import { defineMessages } from '../../i18n/language';

export const useNotificationMessages = defineMessages({
  zh: {
    title: '消息',
    bell: (n: number) => (n > 0 ? `消息，${n} 条未读` : '消息'),
    unreadOnly: '只看未读',
    markAllRead: '全部标为已读',
    markRead: '标为已读',
    empty: '暂无消息',
    emptyUnread: '没有未读消息',
    open: '查看',
    more: '加载更多',
  },
  en: {
    title: 'Messages',
    bell: (n: number) => (n > 0 ? `Messages, ${n} unread` : 'Messages'),
    unreadOnly: 'Unread only',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    empty: 'No messages',
    emptyUnread: 'No unread messages',
    open: 'Open',
    more: 'Load more',
  },
});
