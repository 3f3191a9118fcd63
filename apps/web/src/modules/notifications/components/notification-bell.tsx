import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Flex, List, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../hooks/use-notifications';
import { useNotificationMessages } from '../messages';

const PAGE = 20;

/** The header's bell: unread count, and a drawer with the inbox. */
export function NotificationBell() {
  const t = useNotificationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [pageSize, setPageSize] = useState(PAGE);
  const unread = useUnreadCount();
  const list = useNotifications(unreadOnly, pageSize, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data?.unread ?? 0;

  const onOpen = (notification: Notification) => {
    if (!notification.read) {
      markRead.mutate(notification.id);
    }
    if (notification.link) {
      setOpen(false);
      void navigate(notification.link);
    }
  };

  return (
    <>
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t.bell(count)}
          data-testid="notification-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        title={t.title}
        open={open}
        onClose={() => setOpen(false)}
        size={420}
        extra={
          <Button
            size="small"
            disabled={count === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll
                .mutateAsync()
                .catch((error: unknown) => void message.error(errorMessage(error, common.networkError)))
            }
          >
            {t.markAllRead}
          </Button>
        }
      >
        <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} aria-label={t.unreadOnly} />
          <Typography.Text>{t.unreadOnly}</Typography.Text>
        </Flex>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <List<Notification>
            loading={list.isFetching && !list.data}
            dataSource={list.data?.items ?? []}
            data-testid="notification-list"
            locale={{ emptyText: <Empty description={unreadOnly ? t.emptyUnread : t.empty} /> }}
            loadMore={
              list.data && list.data.total > list.data.items.length ? (
                <Flex justify="center" style={{ marginTop: 12 }}>
                  <Button onClick={() => setPageSize((size) => size + PAGE)}>{t.more}</Button>
                </Flex>
              ) : null
            }
            renderItem={(notification) => (
              <List.Item
                style={{ background: notification.read ? undefined : '#f0f5ff', padding: '10px 12px' }}
                actions={
                  notification.read
                    ? []
                    : [
                        <Typography.Link key="read" onClick={() => markRead.mutate(notification.id)}>
                          {t.markRead}
                        </Typography.Link>,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <Typography.Link
                      strong={!notification.read}
                      onClick={() => onOpen(notification)}
                      style={{ color: notification.link ? undefined : 'inherit' }}
                    >
                      {notification.title}
                    </Typography.Link>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
                        {notification.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(notification.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
