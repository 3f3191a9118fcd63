import { ASSESSMENT_STATUSES, HONOURS } from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const CampaignStatusSchema = literals(['open', 'closed'] as const);

export const CriteriaSchema = Type.Object(
  {
    regionIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
    industries: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 100, uniqueItems: true }),
    honours: Type.Array(literals(HONOURS), { maxItems: HONOURS.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);

const StatusCounts = {
  not_started: Type.Integer(),
  in_progress: Type.Integer(),
  submitted: Type.Integer(),
  returned: Type.Integer(),
  accepted: Type.Integer(),
  certified: Type.Integer(),
};

export const CampaignSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    standardVersionId: Type.String(),
    standardVersionLabel: Type.String(),
    ownerRegion: Type.Object({ id: Type.String(), name: Type.String() }),
    criteria: Type.Object({
      regionIds: Type.Array(Type.String()),
      industries: Type.Array(Type.String()),
      honours: Type.Array(Type.String()),
    }),
    deadline: Type.String(),
    status: CampaignStatusSchema,
    counts: Type.Object({ total: Type.Integer(), ...StatusCounts }),
    /** Whether the actor may remind and close it. */
    manageable: Type.Boolean(),
    createdAt: Type.String(),
  },
  { $id: 'Campaign' },
);

export const CampaignDetailSchema = Type.Object({
  ...CampaignSchema.properties,
  byRegion: Type.Array(
    Type.Object({ regionId: Type.String(), regionName: Type.String(), total: Type.Integer(), ...StatusCounts }),
  ),
});

export const CampaignCreate = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    standardVersionId: Uuid,
    criteria: Type.Object(
      {
        regionIds: Type.Optional(CriteriaSchema.properties.regionIds),
        industries: Type.Optional(CriteriaSchema.properties.industries),
        honours: Type.Optional(CriteriaSchema.properties.honours),
      },
      { additionalProperties: false },
    ),
    deadline: IsoDate,
  },
  { additionalProperties: false },
);

export const CampaignListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(CampaignStatusSchema),
  },
  { additionalProperties: false },
);

export const CampaignAssessmentsQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(literals(ASSESSMENT_STATUSES)),
    regionId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
