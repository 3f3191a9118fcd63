import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { contextOf } from '../../plugins/authz';
import { LoginBody, LoginResponse, MeWithCsrf, PasswordBody } from './auth.schemas';
import type { AuthService } from './auth.service';

export const SESSION_COOKIE = 'shangmi_sid';

/** The public shape of the current user. */
export function presentMe(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions],
    organization: { id: actor.organizationId, name: actor.organizationName, kind: actor.organizationKind },
    region: { id: actor.regionId, name: actor.regionName },
    enterpriseId: actor.enterpriseId,
  };
}

function cookieOptions(request: FastifyRequest, secureCookies: boolean, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: secureCookies || request.protocol === 'https',
    ...(expires ? { expires } : {}),
  };
}

export function authRoutes(auth: AuthService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['认证 auth'],
          operationId: 'login',
          summary: '登录（连续失败5次锁定15分钟）',
          body: LoginBody,
          response: { 200: LoginResponse },
        },
      },
      async (request, reply) => {
        const result = await auth.login(request.body, { requestId: request.id, clientIp: request.ip });
        reply.setCookie(
          SESSION_COOKIE,
          result.token,
          cookieOptions(request, app.config.secureCookies, result.expiresAt),
        );
        return { user: presentMe(result.actor), csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { public: true },
        schema: { tags: ['认证 auth'], operationId: 'logout', summary: '退出登录', response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) {
          await auth.logout(token);
        }
        reply.clearCookie(SESSION_COOKIE, cookieOptions(request, app.config.secureCookies));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { permission: 'self' },
        schema: { tags: ['认证 auth'], operationId: 'me', summary: '当前用户', response: { 200: MeWithCsrf } },
      },
      async (request) => {
        const ctx = contextOf(request);
        if (!request.csrfToken) {
          throw new AppError('unauthenticated', 401, '请先登录');
        }
        return { ...presentMe(ctx.actor), csrfToken: request.csrfToken };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { permission: 'self' },
        schema: {
          tags: ['认证 auth'],
          operationId: 'changePassword',
          summary: '修改本人密码（需原密码）',
          body: PasswordBody,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await auth.changePassword(contextOf(request), request.sessionId ?? '', request.body);
        return reply.code(204).send(null);
      },
    );
  };
}
