import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

export const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  addressedTo: Type.Union([Type.Literal('user'), Type.Literal('organization')]),
  createdAt: Type.String(),
  read: Type.Boolean(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});

export const NotificationListQuery = Type.Object(
  {
    ...PageQuery.properties,
    unread: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
