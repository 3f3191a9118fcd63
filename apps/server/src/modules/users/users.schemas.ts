import { ROLES } from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const RoleSchema = literals(ROLES);
export const UserStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);

/** The public shape of a user account; it never carries the password hash. Inline (no $id). */
export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  organization: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() }),
  region: Type.Object({ id: Type.String(), name: Type.String() }),
  status: UserStatusSchema,
  createdAt: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});

const Roles = Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length, uniqueItems: true });
// The strength policy is checked by the service, which can say in Chinese what is missing.
const Password = Type.String({ minLength: 1, maxLength: 200 });

export const UserCreate = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 50, pattern: '^[a-zA-Z0-9._-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    password: Password,
    roles: Roles,
    organizationId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

export const UserUpdate = Type.Object(
  {
    displayName: Type.Optional(UserCreate.properties.displayName),
    roles: Type.Optional(Roles),
    status: Type.Optional(UserStatusSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PasswordResetBody = Type.Object({ password: Password }, { additionalProperties: false });

export const UserListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    organizationId: Type.Optional(Type.String({ format: 'uuid' })),
    status: Type.Optional(UserStatusSchema),
  },
  { additionalProperties: false },
);
