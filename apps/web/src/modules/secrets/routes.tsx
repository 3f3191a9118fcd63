import { Outlet, type RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/guards';
import {
  AccessLogPage,
  AgreementsPage,
  OffboardingDetailPage,
  OffboardingsPage,
  PersonDetailPage,
  PersonnelPage,
  PointDetailPage,
  RegisterPage,
} from './index';

const manage = (element: React.ReactNode) => (
  <RequirePermission permission="secret:manage">{element}</RequirePermission>
);

/** Pages inside the signed-in layout (children of "/"). */
export const secretsAppRoutes: RouteObject[] = [
  {
    path: 'secrets',
    element: (
      <RequirePermission permission="secret:read">
        <Outlet />
      </RequirePermission>
    ),
    children: [
      { index: true, element: <RegisterPage /> },
      { path: 'points/:pointId', element: <PointDetailPage /> },
      { path: 'personnel', element: manage(<PersonnelPage />) },
      { path: 'personnel/:personnelId', element: manage(<PersonDetailPage />) },
      { path: 'agreements', element: manage(<AgreementsPage />) },
      { path: 'offboardings', element: manage(<OffboardingsPage />) },
      { path: 'offboardings/:offboardingId', element: manage(<OffboardingDetailPage />) },
      { path: 'access-log', element: manage(<AccessLogPage />) },
    ],
  },
];

/** Pages anyone may open, outside the layout (no session). */
export const secretsPublicRoutes: RouteObject[] = [];
