import { Type } from 'typebox';

const Ref = Type.Object({ id: Type.String(), name: Type.String() });

export const MeSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    permissions: Type.Array(Type.String()),
    organization: Type.Union([
      Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() }),
      Type.Null(),
    ]),
    region: Type.Union([Ref, Type.Null()]),
    enterpriseId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Me' },
);

export const MeWithCsrf = Type.Intersect([Type.Ref('Me'), Type.Object({ csrfToken: Type.String() })]);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({ user: Type.Ref('Me'), csrfToken: Type.String() });

export const PasswordBody = Type.Object(
  {
    oldPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
