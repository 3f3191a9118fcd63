import type { Permission } from '@shangmi/shared';
import { Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useCommonMessages } from '../i18n/common';
import { ErrorResult } from '../ui/error-result';
import { useAuth } from './auth';
import { useShellMessages } from './messages';

export interface RequireAuthProps {
  children: ReactNode;
}

/** Sends anyone without a session to /login, remembering where they wanted to go. */
export function RequireAuth({ children }: RequireAuthProps) {
  const { status, error, reload, signedOutByUser } = useAuth();
  const location = useLocation();
  const t = useShellMessages();
  if (status === 'loading') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t.loadingSession}>
          <div style={{ width: 120, height: 80 }} />
        </Spin>
      </Flex>
    );
  }
  if (status === 'error') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <ErrorResult error={error} onRetry={reload} />
      </Flex>
    );
  }
  if (status === 'signed-out') {
    const from = signedOutByUser() ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  return <>{children}</>;
}

export interface RequirePermissionProps {
  permission: Permission;
  children: ReactNode;
}

/** The server checks again; this only spares the user a page that would fail to load. */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const { can } = useAuth();
  const common = useCommonMessages();
  if (!can(permission)) {
    return <Result status="403" title="403" subTitle={common.forbidden} data-testid="forbidden" />;
  }
  return <>{children}</>;
}
