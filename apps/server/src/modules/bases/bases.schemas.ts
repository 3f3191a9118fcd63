import { BASE_HOST_KINDS, LIMITS } from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';
import { PlaceStatusSchema } from '../stations/index';

/** A union of string literals whose static type is the literal union (not `never`). */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

export const BaseHostKindSchema = literals(BASE_HOST_KINDS);

const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const BaseSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    hostKind: BaseHostKindSchema,
    hostOrganizationId: Type.Union([Type.String(), Type.Null()]),
    hostOrganizationName: Type.Union([Type.String(), Type.Null()]),
    regionId: Type.String(),
    regionName: Type.String(),
    address: Type.String(),
    longitude: Type.Number(),
    latitude: Type.Number(),
    description: Type.String(),
    enterprises: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    status: PlaceStatusSchema,
    archivedReason: Type.Union([Type.String(), Type.Null()]),
    designated: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Base' },
);

export const BaseCreate = Type.Object(
  {
    name: text(LIMITS.nameMax),
    hostKind: BaseHostKindSchema,
    hostOrganizationId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    regionId: Type.String({ format: 'uuid' }),
    address: text(LIMITS.addressMax),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const BaseUpdate = Type.Partial(BaseCreate, { additionalProperties: false, minProperties: 1 });

export const BaseEnterprisesBody = Type.Object(
  { enterpriseIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 1000, uniqueItems: true }) },
  { additionalProperties: false },
);

export const BaseListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    status: Type.Optional(PlaceStatusSchema),
  },
  { additionalProperties: false },
);
