import { Suspense } from 'react';
import { Outlet, type RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/guards';
import { PageLoading } from '../../ui/page-loading';
import { AttestationDetailPage, AttestationListPage, AttestationVerifyPage } from './index';

/** Pages inside the signed-in layout (children of "/"). */
export const attestationsAppRoutes: RouteObject[] = [
  {
    path: 'attestations',
    element: (
      <RequirePermission permission="attestation:read">
        <Outlet />
      </RequirePermission>
    ),
    children: [
      { index: true, element: <AttestationListPage /> },
      { path: ':id', element: <AttestationDetailPage /> },
    ],
  },
];

/** Pages anyone may open, outside the layout (no session). */
export const attestationsPublicRoutes: RouteObject[] = [
  {
    path: '/verify/attestation',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <AttestationVerifyPage />
      </Suspense>
    ),
  },
];
