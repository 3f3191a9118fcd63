import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LIMITS, permissionsOf, ROLES, type OrganizationKind, type Role } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, RequestContext } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { hashPassword, passwordPolicyProblem, verifyPassword } from '../../lib/password';
import { writeAudit } from '../audit/index';
import * as repo from './auth.repo';

const MINUTE = 60_000;
// A hash to compare against when the username does not exist, so timing does not reveal which names exist.
const DUMMY_HASH = hashPassword('dummy-password-for-timing');

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

export interface AuthService {
  login(
    input: { username: string; password: string },
    trace: { requestId: string; clientIp: string },
  ): Promise<LoginResult>;
  logout(token: string): Promise<void>;
  resolve(token: string): Promise<{ actor: Actor; csrfToken: string; sessionId: string } | null>;
  changePassword(
    ctx: RequestContext,
    sessionId: string,
    input: { oldPassword: string; newPassword: string },
  ): Promise<void>;
}

/** True when the username has had 5 failures within 15 minutes and the last is less than 15 minutes old. */
function isLocked(failures: string[], now: number): boolean {
  const latest = failures[0];
  if (!latest) {
    return false;
  }
  const latestAt = Date.parse(latest);
  if (now - latestAt >= LIMITS.loginLockMinutes * MINUTE) {
    return false;
  }
  const burst = failures.filter((at) => latestAt - Date.parse(at) < LIMITS.loginLockMinutes * MINUTE);
  return burst.length >= LIMITS.loginFailuresMax;
}

export function toActor(
  row: NonNullable<Awaited<ReturnType<typeof repo.findSessionActor>>>,
  roleNames: string[],
): Actor {
  const roles = roleNames.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const kind = row.organization_kind as OrganizationKind;
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles,
    permissions: permissionsOf(roles),
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationKind: kind,
    regionId: row.region_id,
    regionName: row.region_name,
    regionPath: row.region_path,
    enterpriseId: kind === 'enterprise' ? row.organization_id : null,
  };
}

export function createAuthService(db: Kysely<DB>, options: { sessionHours: number }): AuthService {
  async function resolve(token: string) {
    const sessionId = sessionIdOf(token);
    const row = await repo.findSessionActor(db, sessionId, nowIso());
    if (!row) {
      return null;
    }
    const roles = await repo.findRoles(db, row.user_id);
    return { actor: toActor(row, roles), csrfToken: row.csrf_token, sessionId };
  }

  return {
    async login(input, trace) {
      const username = input.username.trim();
      const now = Date.now();
      const since = new Date(now - 2 * LIMITS.loginLockMinutes * MINUTE).toISOString();
      if (isLocked(await repo.recentLoginFailures(db, username, since), now)) {
        throw new AppError(
          'auth_locked',
          429,
          `该账号连续登录失败${LIMITS.loginFailuresMax}次，已被锁定${LIMITS.loginLockMinutes}分钟，请稍后再试`,
        );
      }
      const user = await repo.findUserForLogin(db, username);
      const ok = user
        ? await verifyPassword(input.password, user.password_hash)
        : (await verifyPassword(input.password, await DUMMY_HASH), false);
      if (!user || !ok) {
        await repo.insertLoginFailure(db, { id: newId(), username, at: new Date().toISOString() });
        throw new AppError('auth_failed', 401, '用户名或密码错误');
      }
      if (user.status !== 'active' || user.organization_status !== 'active') {
        throw new AppError(
          'auth_disabled',
          401,
          user.status !== 'active' ? '账号已停用，请联系管理员' : '账号所属机构已归档，请联系管理员',
        );
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const createdAt = new Date();
      const expiresAt = new Date(createdAt.getTime() + options.sessionHours * 60 * MINUTE);
      await db.transaction().execute(async (trx) => {
        await repo.clearLoginFailures(trx, username);
        await repo.deleteExpiredSessions(trx, createdAt.toISOString());
        await repo.insertSession(trx, {
          id: sessionIdOf(token),
          user_id: user.id,
          csrf_token: csrfToken,
          created_at: createdAt.toISOString(),
          expires_at: expiresAt.toISOString(),
        });
        await repo.recordLogin(trx, user.id, createdAt.toISOString());
      });
      const resolved = await resolve(token);
      if (!resolved) {
        throw new AppError('auth_failed', 401, '账号所属机构无效，请联系管理员');
      }
      await db.transaction().execute(async (trx) => {
        await writeAudit(
          trx,
          { actor: resolved.actor, ...trace },
          { action: 'login', entityType: 'user', entityId: user.id },
        );
      });
      return { token, csrfToken, expiresAt, actor: resolved.actor };
    },

    async logout(token) {
      await repo.deleteSession(db, sessionIdOf(token));
    },

    resolve,

    async changePassword(ctx, sessionId, input) {
      const stored = await repo.findPasswordHash(db, ctx.actor.userId);
      if (!stored || !(await verifyPassword(input.oldPassword, stored))) {
        throw invalid([{ field: 'oldPassword', message: '原密码不正确' }]);
      }
      const problem = passwordPolicyProblem(input.newPassword, LIMITS.passwordMin);
      if (problem) {
        throw invalid([{ field: 'newPassword', message: problem }]);
      }
      if (input.newPassword === input.oldPassword) {
        throw invalid([{ field: 'newPassword', message: '新密码不能与原密码相同' }]);
      }
      const hash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await repo.updatePasswordHash(trx, ctx.actor.userId, hash, nowIso());
        // Other sessions of this user end: a changed password locks out whoever knew the old one.
        await repo.deleteSessionsOfUser(trx, ctx.actor.userId, sessionId);
        await writeAudit(trx, ctx, {
          action: 'password_change',
          entityType: 'user',
          entityId: ctx.actor.userId,
          changedFields: ['password'],
        });
      });
    },
  };
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
