import { ASSIGNABLE_ROLES, ROLES, type Role } from '@shangmi/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Page, User, UserInput, UserPatch, UserQuery } from '../../../api/types';

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
};

export function useUserList(query: UserQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: (): Promise<Page<User>> => unwrap(api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput): Promise<User> => unwrap(api.POST('/api/users', { body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }): Promise<User> =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { password } })),
  });
}

/** The roles a manager may hand out: the union over their own roles, in the canonical order. */
export function assignableRoles(managerRoles: readonly Role[]): Role[] {
  const allowed = new Set<Role>();
  for (const role of managerRoles) {
    for (const assignable of ASSIGNABLE_ROLES[role] ?? []) {
      allowed.add(assignable);
    }
  }
  return ROLES.filter((role) => allowed.has(role));
}
