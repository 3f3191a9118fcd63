import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { PasswordResetBody, UserCreate, UserListQuery, UserSchema, UserUpdate } from './users.schemas';
import { createUser, getUser, listUsers, resetUserPassword, updateUser } from './users.service';

const TAGS = ['用户 users'];

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/users',
    {
      config: { permission: 'user:read' },
      schema: {
        tags: TAGS,
        operationId: 'listUsers',
        summary: '用户列表（用户名/姓名搜索、角色/机构/状态筛选、分页）',
        querystring: UserListQuery,
        response: { 200: Page(UserSchema) },
      },
    },
    async (request) => listUsers(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'user:write' },
      schema: {
        tags: TAGS,
        operationId: 'createUser',
        summary: '新建用户（只能授予本人可授予的角色）',
        body: UserCreate,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const created = await createUser(app.db, contextOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'user:read' },
      schema: {
        tags: TAGS,
        operationId: 'getUser',
        summary: '用户详情',
        params: IdParams,
        response: { 200: UserSchema },
      },
    },
    async (request) => getUser(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'user:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateUser',
        summary: '修改用户（姓名、角色、启用/停用；停用立即下线）',
        params: IdParams,
        body: UserUpdate,
        response: { 200: UserSchema },
      },
    },
    async (request) => updateUser(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'user:write' },
      schema: {
        tags: TAGS,
        operationId: 'resetUserPassword',
        summary: '重置用户密码（该用户的会话全部失效）',
        params: IdParams,
        body: PasswordResetBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await resetUserPassword(app.db, contextOf(request), request.params.id, request.body.password);
      return reply.code(204).send(null);
    },
  );
};
