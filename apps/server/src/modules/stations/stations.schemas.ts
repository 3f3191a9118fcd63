import { LIMITS, PLACE_STATUSES, STATION_HOST_KINDS, STATION_SERVICES } from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

/** A union of string literals whose static type is the literal union (not `never`). */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

export const StationHostKindSchema = literals(STATION_HOST_KINDS);
export const StationServiceSchema = literals(STATION_SERVICES);
export const PlaceStatusSchema = literals(PLACE_STATUSES);

const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const phone = Type.String({ minLength: 5, maxLength: 30, pattern: '^[0-9+()\\- ]+$' });

const StaffMemberSchema = Type.Object(
  { name: text(50), role: text(50), phone, liaison: Type.Boolean() },
  { additionalProperties: false },
);

export const StationSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    hostKind: StationHostKindSchema,
    hostOrganizationId: Type.Union([Type.String(), Type.Null()]),
    hostOrganizationName: Type.Union([Type.String(), Type.Null()]),
    regionId: Type.String(),
    regionName: Type.String(),
    countyName: Type.String(),
    address: Type.String(),
    longitude: Type.Number(),
    latitude: Type.Number(),
    staff: Type.Array(
      Type.Object({ name: Type.String(), role: Type.String(), phone: Type.String(), liaison: Type.Boolean() }),
    ),
    openingHours: Type.String(),
    services: Type.Array(StationServiceSchema),
    contactName: Type.String(),
    contactPhone: Type.String(),
    status: PlaceStatusSchema,
    archivedReason: Type.Union([Type.String(), Type.Null()]),
    demonstration: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Station' },
);

/** Shape checks only; the coordinate box and the one liaison are checked by the service with Chinese reasons. */
export const StationCreate = Type.Object(
  {
    name: text(LIMITS.nameMax),
    hostKind: StationHostKindSchema,
    hostOrganizationId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    regionId: Type.String({ format: 'uuid' }),
    address: text(LIMITS.addressMax),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    staff: Type.Array(StaffMemberSchema, { maxItems: 50 }),
    openingHours: text(200),
    services: Type.Array(StationServiceSchema, { maxItems: STATION_SERVICES.length, uniqueItems: true }),
    contactName: text(50),
    contactPhone: phone,
  },
  { additionalProperties: false },
);

export const StationUpdate = Type.Partial(StationCreate, { additionalProperties: false, minProperties: 1 });

export const StationListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    hostKind: Type.Optional(StationHostKindSchema),
    service: Type.Optional(StationServiceSchema),
    status: Type.Optional(PlaceStatusSchema),
  },
  { additionalProperties: false },
);

export const PublicStationQuery = Type.Object(
  {
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    service: Type.Optional(StationServiceSchema),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    demonstration: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PublicStationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionName: Type.String(),
  address: Type.String(),
  longitude: Type.Number(),
  latitude: Type.Number(),
  openingHours: Type.String(),
  services: Type.Array(StationServiceSchema),
  contactPhone: Type.String(),
  demonstration: Type.Boolean(),
});

export const PublicMapSchema = Type.Object({
  stations: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      longitude: Type.Number(),
      latitude: Type.Number(),
      regionName: Type.String(),
      services: Type.Array(StationServiceSchema),
      demonstration: Type.Boolean(),
    }),
  ),
  bases: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      longitude: Type.Number(),
      latitude: Type.Number(),
      regionName: Type.String(),
      designated: Type.Boolean(),
    }),
  ),
  regions: Type.Array(
    Type.Object({ regionId: Type.String(), name: Type.String(), stations: Type.Integer(), bases: Type.Integer() }),
  ),
  bounds: Type.Object({ minLng: Type.Number(), maxLng: Type.Number(), minLat: Type.Number(), maxLat: Type.Number() }),
});
