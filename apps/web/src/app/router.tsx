import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { AuditLogPage } from '../modules/audit';
import { LoginPage } from '../modules/auth';
import {
  EnterpriseCreatePage,
  EnterpriseDetailPage,
  EnterpriseEditPage,
  EnterpriseImportPage,
  EnterpriseListPage,
} from '../modules/enterprises';
import { HomePage } from '../modules/home';
import { OrganizationEditPage, OrganizationListPage } from '../modules/organizations';
import { RegionsPage } from '../modules/regions';
import { UserListPage } from '../modules/users';
import { PageLoading } from '../ui/page-loading';
import { AppLayout } from './app-layout';
import { RequireAuth, RequirePermission } from './guards';
import { NotFoundPage } from './not-found-page';

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'enterprises',
        element: (
          <RequirePermission permission="enterprise:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <EnterpriseListPage /> },
          {
            path: 'new',
            element: (
              <RequirePermission permission="enterprise:write">
                <EnterpriseCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: 'import',
            element: (
              <RequirePermission permission="enterprise:import">
                <EnterpriseImportPage />
              </RequirePermission>
            ),
          },
          { path: ':id', element: <EnterpriseDetailPage /> },
          {
            path: ':id/edit',
            element: (
              <RequirePermission permission="enterprise:write">
                <EnterpriseEditPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'organizations',
        element: (
          <RequirePermission permission="organization:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <OrganizationListPage /> },
          {
            path: 'new',
            element: (
              <RequirePermission permission="organization:write">
                <OrganizationEditPage />
              </RequirePermission>
            ),
          },
          {
            path: ':id/edit',
            element: (
              <RequirePermission permission="organization:write">
                <OrganizationEditPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'users',
        element: (
          <RequirePermission permission="user:read">
            <UserListPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit:read">
            <AuditLogPage />
          </RequirePermission>
        ),
      },
      {
        path: 'regions',
        element: (
          <RequirePermission permission="region:read">
            <RegionsPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
