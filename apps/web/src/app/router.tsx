import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { ConformanceAnalyticsPage } from '../modules/analytics';
import { AssessmentListPage, AssessmentPage, ReviewPage, ReviewQueuePage } from '../modules/assessments';
import { AuditLogPage } from '../modules/audit';
import { LoginPage } from '../modules/auth';
import { CampaignCreatePage, CampaignDetailPage, CampaignListPage } from '../modules/campaigns';
import { CertificateDetailPage, CertificateListPage, CertificateVerifyPage } from '../modules/certificates';
import { CriteriaPage } from '../modules/criteria';
import {
  EnterpriseCreatePage,
  EnterpriseDetailPage,
  EnterpriseEditPage,
  EnterpriseImportPage,
  EnterpriseListPage,
} from '../modules/enterprises';
import { FrameworkListPage, FrameworkVersionPage } from '../modules/frameworks';
import { HomePage } from '../modules/home';
import { OrganizationEditPage, OrganizationListPage } from '../modules/organizations';
import {
  BaseCreatePage,
  BaseEditPage,
  BaseListPage,
  PublicMapPage,
  PublicStationsPage,
  StationCreatePage,
  StationDetailPage,
  StationEditPage,
  StationListPage,
} from '../modules/places';
import { RegionsPage } from '../modules/regions';
import { UserListPage } from '../modules/users';
import { attestationsAppRoutes, attestationsPublicRoutes } from '../modules/attestations/routes';
import { designationsAppRoutes, designationsPublicRoutes } from '../modules/designations/routes';
import { programmeAppRoutes, programmePublicRoutes } from '../modules/programme/routes';
import { secretsAppRoutes, secretsPublicRoutes } from '../modules/secrets/routes';
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
    // The certificate's QR code opens this for anyone: no session, no app layout.
    path: '/verify/certificates/:number',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <CertificateVerifyPage />
      </Suspense>
    ),
  },
  {
    // The public directory and map: anyone, no session, no app layout.
    path: '/public/stations',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <PublicStationsPage />
      </Suspense>
    ),
  },
  {
    path: '/public/map',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <PublicMapPage />
      </Suspense>
    ),
  },
  // Feature modules' public pages (they wrap their own Suspense).
  ...designationsPublicRoutes,
  ...programmePublicRoutes,
  ...secretsPublicRoutes,
  ...attestationsPublicRoutes,
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
        path: 'frameworks',
        element: (
          <RequirePermission permission="framework:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <FrameworkListPage /> },
          { path: 'versions/:id', element: <FrameworkVersionPage /> },
        ],
      },
      {
        path: 'campaigns',
        element: (
          <RequirePermission permission="campaign:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <CampaignListPage /> },
          {
            path: 'new',
            element: (
              <RequirePermission permission="campaign:write">
                <CampaignCreatePage />
              </RequirePermission>
            ),
          },
          { path: ':id', element: <CampaignDetailPage /> },
        ],
      },
      {
        path: 'assessments',
        element: (
          <RequirePermission permission="assessment:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <AssessmentListPage /> },
          { path: ':id', element: <AssessmentPage /> },
        ],
      },
      {
        path: 'reviews',
        element: (
          <RequirePermission permission="assessment:review">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <ReviewQueuePage /> },
          { path: ':id', element: <ReviewPage /> },
        ],
      },
      {
        path: 'certificates',
        element: (
          <RequirePermission permission="certificate:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <CertificateListPage /> },
          { path: ':id', element: <CertificateDetailPage /> },
        ],
      },
      {
        path: 'conformance/analytics',
        element: (
          <RequirePermission permission="conformance:analytics">
            <ConformanceAnalyticsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'stations',
        element: (
          <RequirePermission permission="station:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <StationListPage /> },
          {
            path: 'new',
            element: (
              <RequirePermission permission="station:write">
                <StationCreatePage />
              </RequirePermission>
            ),
          },
          { path: ':id', element: <StationDetailPage /> },
          {
            path: ':id/edit',
            element: (
              <RequirePermission permission="station:write">
                <StationEditPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'bases',
        element: (
          <RequirePermission permission="base:read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <BaseListPage /> },
          {
            path: 'new',
            element: (
              <RequirePermission permission="base:write">
                <BaseCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: ':id/edit',
            element: (
              <RequirePermission permission="base:write">
                <BaseEditPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'construction-guide',
        element: (
          <RequirePermission permission="criteria:read">
            <CriteriaPage />
          </RequirePermission>
        ),
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
      ...designationsAppRoutes,
      ...programmeAppRoutes,
      ...secretsAppRoutes,
      ...attestationsAppRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
