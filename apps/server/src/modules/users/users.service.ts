import { LIMITS } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { hashPassword, passwordPolicyProblem } from '../../lib/password';
import { writeAudit } from '../audit/index';
import { organizationFacts } from '../organizations/index';
import {
  droppedOwnAdminRoles,
  organizationInUserScope,
  roleKindProblem,
  roleLabel,
  ungrantableRoles,
  userScope,
} from './users.policy';
import * as repo from './users.repo';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  organizationId: string;
}

export interface UserPatch {
  displayName?: string;
  roles?: string[];
  status?: 'active' | 'disabled';
}

export interface UserQuery extends repo.UserFilter {
  page?: number;
  pageSize?: number;
}

export type User = ReturnType<typeof present>;

function present(row: repo.UserRow, roles: string[]) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    organization: { id: row.organization_id, name: row.organization_name, kind: row.organization_kind },
    region: { id: row.region_id, name: row.region_name },
    status: row.status === 'active' ? ('active' as const) : ('disabled' as const),
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item) => b.includes(item));

/** 403 when the actor would grant (or take away) a role beyond their own reach. */
function checkGrantable(ctx: RequestContext, roles: readonly string[]) {
  const refused = ungrantableRoles(ctx.actor, roles);
  if (refused.length > 0) {
    throw new AppError('role_not_assignable', 403, `无权授予或变更角色：${refused.map(roleLabel).join('、')}`, [
      { field: 'roles', message: `无权授予或变更角色：${refused.map(roleLabel).join('、')}` },
    ]);
  }
}

function checkRoleKind(roles: readonly string[], organizationKind: string) {
  const problem = roleKindProblem(roles, organizationKind);
  if (problem) {
    throw invalid([{ field: 'roles', message: problem }]);
  }
}

function passwordProblems(password: string): FieldError[] {
  const problem = passwordPolicyProblem(password, LIMITS.passwordMin);
  return problem ? [{ field: 'password', message: problem }] : [];
}

/** Accounts the actor may see, filtered by name, role, organisation and status, paged. */
export async function listUsers(db: Kysely<DB>, ctx: RequestContext, query: UserQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter: repo.UserFilter = {
    q: query.q?.trim() || undefined,
    role: query.role,
    organizationId: query.organizationId,
    status: query.status,
  };
  const scope = userScope(ctx.actor);
  const [rows, total] = await Promise.all([
    repo.searchUsers(db, filter, scope, pageSize, (page - 1) * pageSize),
    repo.countMatchingUsers(db, filter, scope),
  ]);
  const roles = await repo.rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => present(row, roles.get(row.id) ?? [])), total, page, pageSize };
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findUser(db, id);
  if (!row || !organizationInUserScope(ctx.actor, { id: row.organization_id, regionPath: row.region_path })) {
    throw notFound('用户');
  }
  const roles = (await repo.rolesOf(db, [id])).get(id) ?? [];
  return { row, roles };
}

/**
 * Loads an account the actor may change: visible to them, and holding no role they could not grant
 * themselves (a county admin cannot reset the password of, say, an association's account).
 */
async function loadManageable(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const loaded = await loadVisible(db, ctx, id);
  if (ungrantableRoles(ctx.actor, loaded.roles).length > 0) {
    throw forbidden('该用户持有您无权管理的角色，请联系上级管理员');
  }
  return loaded;
}

/** One account; missing and out-of-scope both answer 404. */
export async function getUser(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<User> {
  const { row, roles } = await loadVisible(db, ctx, id);
  return present(row, roles);
}

/**
 * Creates an account in an organisation within the actor's reach, with roles the actor may grant and
 * that suit the organisation's kind. The password must meet the policy; the audit records field names only.
 */
export async function createUser(db: Kysely<DB>, ctx: RequestContext, input: UserInput): Promise<User> {
  const displayName = input.displayName.trim();
  const problems: FieldError[] = [
    ...(displayName ? [] : [{ field: 'displayName', message: '姓名不能为空' }]),
    ...passwordProblems(input.password),
  ];
  if (problems.length > 0) {
    throw invalid(problems);
  }
  checkGrantable(ctx, input.roles);
  const organization = await organizationFacts(db, input.organizationId);
  if (!organization || !organizationInUserScope(ctx.actor, organization)) {
    throw invalid([{ field: 'organizationId', message: '所属机构不存在或不在您的管理范围内' }]);
  }
  if (organization.status !== 'active') {
    throw invalid([{ field: 'organizationId', message: '所属机构已归档，不能新建账号' }]);
  }
  checkRoleKind(input.roles, organization.kind);
  if (await repo.findUsernameTaken(db, input.username)) {
    throw conflict('用户名已存在', [{ field: 'username', message: '用户名已存在' }]);
  }
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: the hash above takes a noticeable moment.
    if (await repo.findUsernameTaken(trx, input.username)) {
      throw conflict('用户名已存在', [{ field: 'username', message: '用户名已存在' }]);
    }
    await repo.insertUser(
      trx,
      {
        id,
        username: input.username,
        display_name: displayName,
        password_hash: passwordHash,
        organization_id: organization.id,
        status: 'active',
        created_at: at,
        updated_at: at,
        last_login_at: null,
      },
      [...new Set(input.roles)],
    );
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      changedFields: ['username', 'displayName', 'password', 'roles', 'organizationId'],
    });
  });
  return getUser(db, ctx, id);
}

/**
 * Changes an account's name, roles or status under the same grant rules as creation. Disabling ends
 * the account's sessions at once; nobody may disable themselves or drop their own admin role.
 */
export async function updateUser(db: Kysely<DB>, ctx: RequestContext, id: string, patch: UserPatch): Promise<User> {
  const { row, roles: currentRoles } = await loadManageable(db, ctx, id);
  const self = id === ctx.actor.userId;
  const changed: string[] = [];
  const values: { display_name?: string; status?: string } = {};

  if (patch.displayName !== undefined) {
    const displayName = patch.displayName.trim();
    if (!displayName) {
      throw invalid([{ field: 'displayName', message: '姓名不能为空' }]);
    }
    if (displayName !== row.display_name) {
      values.display_name = displayName;
      changed.push('displayName');
    }
  }

  let nextRoles: string[] | null = null;
  if (patch.roles !== undefined) {
    const roles = [...new Set(patch.roles)];
    if (!sameSet(roles, currentRoles)) {
      checkGrantable(ctx, roles);
      checkRoleKind(roles, row.organization_kind);
      if (self) {
        const dropped = droppedOwnAdminRoles(ctx.actor, roles);
        if (dropped.length > 0) {
          throw invalid([
            { field: 'roles', message: `不能取消本人的管理员角色：${dropped.map(roleLabel).join('、')}` },
          ]);
        }
      }
      nextRoles = roles;
      changed.push('roles');
    }
  }

  if (patch.status !== undefined && patch.status !== row.status) {
    if (self && patch.status === 'disabled') {
      throw invalid([{ field: 'status', message: '不能停用本人的账号' }]);
    }
    values.status = patch.status;
    changed.push('status');
  }

  if (changed.length === 0) {
    return present(row, currentRoles);
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { ...values, updated_at: nowIso() });
    if (nextRoles) {
      await repo.replaceRoles(trx, id, nextRoles);
    }
    if (values.status === 'disabled') {
      await repo.deleteSessionsOfUser(trx, id);
    }
    await writeAudit(trx, ctx, { action: 'update', entityType: 'user', entityId: id, changedFields: changed });
  });
  return getUser(db, ctx, id);
}

/**
 * Sets a new password for another account (policy checked), ends that account's sessions and lifts any
 * login lock-out. Actors change their own password through /api/auth/password, which asks for the old one.
 */
export async function resetUserPassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  password: string,
): Promise<void> {
  const { row } = await loadManageable(db, ctx, id);
  if (id === ctx.actor.userId) {
    throw invalid([{ field: 'password', message: '请通过「修改密码」修改本人密码（需验证原密码）' }]);
  }
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, id, hash, nowIso());
    await repo.deleteSessionsOfUser(trx, id);
    await repo.clearLoginFailures(trx, row.username);
    await writeAudit(trx, ctx, {
      action: 'reset_password',
      entityType: 'user',
      entityId: id,
      changedFields: ['password'],
    });
  });
}
