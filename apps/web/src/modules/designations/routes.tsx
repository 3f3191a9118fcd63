import { Suspense } from 'react';
import { Outlet, type RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/guards';
import { PageLoading } from '../../ui/page-loading';
import {
  ApplicationCreatePage,
  ApplicationDetailPage,
  ApplicationListPage,
  DesignationDetailPage,
  DesignationListPage,
  ExpertTiesPage,
  PublicDesignationsPage,
  PublicNoticesPage,
  ReviewListPage,
} from './index';

/** Pages inside the signed-in layout (children of "/"). */
export const designationsAppRoutes: RouteObject[] = [
  {
    path: 'applications',
    element: (
      <RequirePermission permission="designation:read">
        <Outlet />
      </RequirePermission>
    ),
    children: [
      { index: true, element: <ApplicationListPage /> },
      {
        path: 'new',
        element: (
          <RequirePermission permission="designation:apply">
            <ApplicationCreatePage />
          </RequirePermission>
        ),
      },
      { path: ':id', element: <ApplicationDetailPage /> },
    ],
  },
  {
    path: 'designations',
    element: (
      <RequirePermission permission="designation:read">
        <Outlet />
      </RequirePermission>
    ),
    children: [
      { index: true, element: <DesignationListPage /> },
      { path: 'reviews', element: <ReviewListPage /> },
      { path: ':id', element: <DesignationDetailPage /> },
    ],
  },
  {
    path: 'expert-ties',
    element: (
      <RequirePermission permission="designation:read">
        <ExpertTiesPage />
      </RequirePermission>
    ),
  },
];

/** Pages anyone may open, outside the layout (no session). */
export const designationsPublicRoutes: RouteObject[] = [
  {
    path: '/public/designations',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <PublicDesignationsPage />
      </Suspense>
    ),
  },
  {
    path: '/public/notices',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <PublicNoticesPage />
      </Suspense>
    ),
  },
];
