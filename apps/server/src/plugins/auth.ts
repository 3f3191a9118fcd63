import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../lib/context';
import { AppError } from '../lib/errors';
import { safeEqual, SESSION_COOKIE, type AuthService } from '../modules/auth/index';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionId: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into an Actor, and enforces CSRF: every state-changing request made
 * with a live session must echo the session's token in X-CSRF-Token. Login is the one exception
 * (it replaces the session); a cross-site form cannot send JSON or the header, so it changes nothing.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: { auth: AuthService }) => {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api')) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) {
      return;
    }
    const resolved = await options.auth.resolve(token);
    if (!resolved) {
      return;
    }
    request.actor = resolved.actor;
    request.csrfToken = resolved.csrfToken;
    request.sessionId = resolved.sessionId;
    if (!SAFE_METHODS.has(request.method) && request.url.split('?')[0] !== '/api/auth/login') {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, resolved.csrfToken)) {
        throw new AppError('csrf_failed', 403, '缺少或无效的 CSRF 令牌，请刷新页面后重试');
      }
    }
  });
});
