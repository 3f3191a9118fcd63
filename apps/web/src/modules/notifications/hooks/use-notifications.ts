import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Notification, Page, UnreadCount } from '../../../api/types';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean, pageSize: number) => ['notifications', 'list', unreadOnly, pageSize] as const,
};

/** Polled gently (every minute, only while the tab is visible) to keep the bell's number current. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: (): Promise<UnreadCount> => unwrap(api.GET('/api/notifications/unread-count')),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}

export function useNotifications(unreadOnly: boolean, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(unreadOnly, pageSize),
    queryFn: (): Promise<Page<Notification>> =>
      unwrap(
        api.GET('/api/notifications', { params: { query: { unread: unreadOnly || undefined, page: 1, pageSize } } }),
      ),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
