import { CONCEALED_PERMISSIONS, type Permission } from '@shangmi/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestContext } from '../lib/context';
import { AppError } from '../lib/errors';

/** What each route declares in its `config`: one permission, or that it is public. */
export interface RouteAccess {
  permission?: Permission;
  public?: boolean;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: Permission | null;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    public?: boolean;
  }
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
  }
}

/** The interactive API docs (third-party routes that cannot carry our config) are public pages. */
const PUBLIC_PREFIXES = ['/api/docs'];
const isPublicPath = (url: string): boolean => PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));

/**
 * The coarse layer of authorisation: each /api route names a permission (or `public: true`), and
 * the app refuses to start when one does not. Record-level checks happen in the services.
 */
export const authzPlugin = fp(async (app: FastifyInstance) => {
  const table: RegisteredRoute[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ?? {}) as RouteAccess;
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api')) {
        continue;
      }
      table.push({
        method,
        url: route.url,
        permission: config.permission ?? null,
        public: config.public === true || isPublicPath(route.url),
      });
    }
  });
  app.addHook('onReady', async () => {
    const undeclared = table.filter((r) => !r.public && !r.permission);
    if (undeclared.length > 0) {
      throw new Error(`routes without a permission: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    }
  });
  // preValidation, not preHandler: a caller without the permission learns nothing from validation errors.
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config as RouteAccess;
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api') || config.public || isPublicPath(url)) {
      return;
    }
    if (!request.actor) {
      throw new AppError('unauthenticated', 401, '请先登录');
    }
    // An enterprise's own secrets (/api/enterprises/:id/…, CONCEALED_PERMISSIONS) exist only for that
    // enterprise's people: to anyone else — a government role without the permission, another enterprise
    // with it — the answer is the 404 of a missing record, before validation, so nothing can be probed.
    if (
      config.permission &&
      CONCEALED_PERMISSIONS.includes(config.permission) &&
      (request.params as { id?: unknown } | undefined)?.id !== request.actor.enterpriseId
    ) {
      throw new AppError('not_found', 404, '记录不存在或无权访问');
    }
    if (!config.permission || !request.actor.permissions.has(config.permission)) {
      throw new AppError('permission_denied', 403, '当前角色无权执行此操作');
    }
  });
});

/** The request's context for a service call; only valid on routes that require a login. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) {
    throw new AppError('unauthenticated', 401, '请先登录');
  }
  return { actor: request.actor, requestId: request.id, clientIp: request.ip };
}

/** Roles whose reach is the whole city (or the whole deployment). */
const CITY_WIDE = new Set(['city_admin', 'dept_officer', 'association_staff']);
const REGIONAL = new Set(['county_admin', 'station_staff']);

export type EnterpriseScope =
  { kind: 'all' } | { kind: 'region'; path: string } | { kind: 'enterprise'; enterpriseId: string } | { kind: 'none' };

/** Which enterprises an actor may see: all, those in a region's subtree, their own, or none. */
export function enterpriseScope(actor: Actor): EnterpriseScope {
  if (actor.roles.some((r) => CITY_WIDE.has(r))) {
    return { kind: 'all' };
  }
  if (actor.roles.some((r) => REGIONAL.has(r))) {
    return { kind: 'region', path: actor.regionPath };
  }
  if (actor.enterpriseId && (actor.roles.includes('enterprise_admin') || actor.roles.includes('enterprise_user'))) {
    return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
  }
  return { kind: 'none' };
}

/** Whether a record in `regionPath` (or belonging to `enterpriseId`) is within the scope. */
export function inScope(scope: EnterpriseScope, record: { regionPath: string; enterpriseId?: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return record.regionPath.startsWith(scope.path);
    case 'enterprise':
      return record.enterpriseId === scope.enterpriseId;
    case 'none':
      return false;
  }
}
