import { Type } from 'typebox';
import { Page, PageQuery } from '../../lib/schemas';

export const AuditEntrySchema = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actorUsername: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    entityType: Type.String(),
    entityId: Type.String(),
    requestId: Type.Union([Type.String(), Type.Null()]),
    clientIp: Type.Union([Type.String(), Type.Null()]),
    changedFields: Type.Array(Type.String()),
  },
  { $id: 'AuditEntry' },
);

export const AuditQuery = Type.Object(
  {
    ...PageQuery.properties,
    actor: Type.Optional(Type.String({ maxLength: 100 })),
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const AuditPage = Page(Type.Ref('AuditEntry'));
export const AuditHistory = Type.Object({ items: Type.Array(Type.Ref('AuditEntry')) });
