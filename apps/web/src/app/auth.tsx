import type { Permission } from '@shangmi/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken, unwrap } from '../api/client';
import type { LoginRequest, LoginResponse, Me, MeResponse } from '../api/types';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** Loads the session; a 401 means "not signed in", which is a state rather than an error. */
async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me: MeResponse = await unwrap(api.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'error';

export interface AuthContextValue {
  status: AuthStatus;
  user: Me | null;
  error: unknown;
  login: (request: LoginRequest) => Promise<Me>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
  reload: () => void;
  /** True after the user signed out themselves (as opposed to a session that expired). */
  signedOutByUser: () => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export interface AuthProviderProps {
  children: ReactNode;
}

export function AuthProvider({ children }: AuthProviderProps) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
  // After a deliberate sign-out the next person must not land on the previous person's page.
  const signedOutByUserRef = useRef(false);

  const login = useCallback(
    async (request: LoginRequest) => {
      const response: LoginResponse = await unwrap(api.POST('/api/auth/login', { body: request }));
      signedOutByUserRef.current = false;
      setCsrfToken(response.csrfToken);
      // Nothing cached for a previous user may leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      const me: MeResponse = { ...response.user, csrfToken: response.csrfToken };
      queryClient.setQueryData(ME_QUERY_KEY, me);
      return response.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    signedOutByUserRef.current = true;
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    queryClient.setQueryData(ME_QUERY_KEY, null);
  }, [queryClient]);

  const user = me.data ?? null;
  const status: AuthStatus = me.isPending ? 'loading' : me.isError ? 'error' : user ? 'signed-in' : 'signed-out';
  const refetch = me.refetch;

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user,
      error: me.error,
      login,
      logout,
      can: (permission) => user?.permissions.includes(permission) ?? false,
      reload: () => {
        void refetch();
      },
      signedOutByUser: () => signedOutByUserRef.current,
    }),
    [status, user, me.error, login, logout, refetch],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return value;
}

/** For pages behind <RequireAuth>: the signed-in user, never null. */
export function useCurrentUser(): Me {
  const { user } = useAuth();
  if (!user) {
    throw new Error('useCurrentUser must be used behind <RequireAuth>');
  }
  return user;
}
