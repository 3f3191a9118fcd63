import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/guards';
import {
  EvaluationPage,
  MeetingsPage,
  ProgrammeAllocationPage,
  ProgrammeDashboardPage,
  ProgrammePlanPage,
  WorkItemPage,
  WorkItemsPage,
} from './index';

/** Pages inside the signed-in layout (children of "/"). */
export const programmeAppRoutes: RouteObject[] = [
  {
    path: 'programme',
    children: [
      {
        index: true,
        element: (
          <RequirePermission permission="programme:read">
            <ProgrammeDashboardPage />
          </RequirePermission>
        ),
      },
      {
        path: 'plan',
        element: (
          <RequirePermission permission="programme:read">
            <ProgrammePlanPage />
          </RequirePermission>
        ),
      },
      {
        path: 'allocation',
        element: (
          <RequirePermission permission="programme:read">
            <ProgrammeAllocationPage />
          </RequirePermission>
        ),
      },
      {
        path: 'work-items',
        element: (
          <RequirePermission permission="workitem:read">
            <WorkItemsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'work-items/:id',
        element: (
          <RequirePermission permission="workitem:read">
            <WorkItemPage />
          </RequirePermission>
        ),
      },
      {
        path: 'meetings',
        element: (
          <RequirePermission permission="programme:read">
            <MeetingsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'evaluation',
        element: (
          <RequirePermission permission="evaluation:read">
            <EvaluationPage />
          </RequirePermission>
        ),
      },
    ],
  },
];

/** Pages anyone may open, outside the layout (no session). */
export const programmePublicRoutes: RouteObject[] = [];
