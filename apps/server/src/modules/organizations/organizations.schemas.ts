import { LIMITS, ORGANIZATION_KINDS } from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const OrganizationKindSchema = literals(ORGANIZATION_KINDS);
export const OrganizationStatusSchema = literals(['active', 'archived'] as const);

/** The public shape of an organisation (inline, no $id: app.ts need not register it). */
export const OrganizationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  address: Type.String(),
  contactName: Type.String(),
  contactPhone: Type.String(),
  contactEmail: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  archivedReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/**
 * `kind` accepts every organisation kind so that 'enterprise' gets a Chinese explanation from the
 * service (enterprises are registered through /api/enterprises) instead of a bare enum error.
 */
export const OrganizationCreate = Type.Object(
  {
    kind: OrganizationKindSchema,
    name: text(LIMITS.nameMax),
    regionId: Type.String({ format: 'uuid' }),
    address: text(LIMITS.addressMax),
    contactName: text(50),
    contactPhone: Type.String({ minLength: 5, maxLength: 30, pattern: '^[0-9+()\\- ]+$' }),
    contactEmail: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** A partial change; the kind of an organisation is fixed once created. */
export const OrganizationUpdate = Type.Object(
  {
    name: Type.Optional(OrganizationCreate.properties.name),
    regionId: Type.Optional(OrganizationCreate.properties.regionId),
    address: Type.Optional(OrganizationCreate.properties.address),
    contactName: Type.Optional(OrganizationCreate.properties.contactName),
    contactPhone: Type.Optional(OrganizationCreate.properties.contactPhone),
    contactEmail: OrganizationCreate.properties.contactEmail,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OrganizationListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(OrganizationKindSchema),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    status: Type.Optional(OrganizationStatusSchema),
  },
  { additionalProperties: false },
);
