import { ENTERPRISE_SIZES, ENTERPRISE_STATUSES, HONOURS, LIMITS } from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const SizeSchema = literals(ENTERPRISE_SIZES);
export const HonourSchema = literals(HONOURS);
export const StatusSchema = literals(ENTERPRISE_STATUSES);

export const EnterpriseSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    uscc: Type.String(),
    regionId: Type.String(),
    regionName: Type.String(),
    address: Type.String(),
    industry: Type.String(),
    industryName: Type.String(),
    size: Type.String(),
    honours: Type.Array(Type.String()),
    legalRepresentative: Type.Union([Type.String(), Type.Null()]),
    contactName: Type.String(),
    contactPhone: Type.String(),
    contactEmail: Type.Union([Type.String(), Type.Null()]),
    employees: Type.Union([Type.Integer(), Type.Null()]),
    status: Type.String(),
    archivedReason: Type.Union([Type.String(), Type.Null()]),
    synthetic: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Enterprise' },
);

const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

/** Shape checks only; the USCC check digit, region and industry are checked by the service with Chinese reasons. */
export const EnterpriseFields = {
  name: text(LIMITS.nameMax),
  uscc: Type.String({ minLength: 1, maxLength: 40 }),
  regionId: Type.String({ format: 'uuid' }),
  address: text(LIMITS.addressMax),
  industry: text(50),
  size: SizeSchema,
  honours: Type.Array(HonourSchema, { maxItems: HONOURS.length, uniqueItems: true }),
  legalRepresentative: Type.Union([text(50), Type.Null()]),
  contactName: text(50),
  contactPhone: Type.String({ minLength: 5, maxLength: 30, pattern: '^[0-9+()\\- ]+$' }),
  contactEmail: Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()]),
  employees: Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
};

export const EnterpriseCreate = Type.Object(
  {
    name: EnterpriseFields.name,
    uscc: EnterpriseFields.uscc,
    regionId: EnterpriseFields.regionId,
    address: EnterpriseFields.address,
    industry: EnterpriseFields.industry,
    size: EnterpriseFields.size,
    honours: Type.Optional(EnterpriseFields.honours),
    legalRepresentative: Type.Optional(EnterpriseFields.legalRepresentative),
    contactName: EnterpriseFields.contactName,
    contactPhone: EnterpriseFields.contactPhone,
    contactEmail: Type.Optional(EnterpriseFields.contactEmail),
    employees: Type.Optional(EnterpriseFields.employees),
  },
  { additionalProperties: false },
);

export const EnterpriseUpdate = Type.Partial(EnterpriseCreate, { additionalProperties: false, minProperties: 1 });

export const EnterpriseSort = literals(['name', '-name', 'uscc', '-uscc', 'createdAt', '-createdAt'] as const);

export const EnterpriseListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    industry: Type.Optional(Type.String({ maxLength: 50 })),
    honour: Type.Optional(HonourSchema),
    status: Type.Optional(StatusSchema),
    sort: Type.Optional(EnterpriseSort),
  },
  { additionalProperties: false },
);

export const EnterpriseExportQuery = Type.Object(
  {
    q: EnterpriseListQuery.properties.q,
    regionId: EnterpriseListQuery.properties.regionId,
    industry: EnterpriseListQuery.properties.industry,
    honour: EnterpriseListQuery.properties.honour,
    status: EnterpriseListQuery.properties.status,
    sort: EnterpriseListQuery.properties.sort,
  },
  { additionalProperties: false },
);
