import type { RouteObject } from 'react-router-dom';

/** Pages inside the signed-in layout (children of "/"). */
export const programmeAppRoutes: RouteObject[] = [];

/** Pages anyone may open, outside the layout (no session). */
export const programmePublicRoutes: RouteObject[] = [];
