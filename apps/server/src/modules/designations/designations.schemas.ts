import {
  APPLICATION_ROUTES,
  APPLICATION_STATUSES,
  DESIGNATION_KINDS,
  DESIGNATION_RULES,
  DESIGNATION_STATUSES,
  OBJECTION_STATUSES,
  REVIEW_OUTCOMES,
  STATION_SERVICES,
} from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

/** A union of string literals whose static type is the literal union (not `never`). */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const DesignationKindSchema = literals(DESIGNATION_KINDS);
export const ApplicationStatusSchema = literals(APPLICATION_STATUSES);
export const DesignationStatusSchema = literals(DESIGNATION_STATUSES);

export const ApplicationSummarySchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: DesignationKindSchema,
  subjectId: Type.String(),
  subjectName: Type.String(),
  regionName: Type.String(),
  countyRegionId: Type.String(),
  countyName: Type.String(),
  route: literals(APPLICATION_ROUTES),
  applicantOrganizationName: Type.String(),
  status: ApplicationStatusSchema,
  finalScore: nullable(Type.Number()),
  noticeStart: nullable(Type.String()),
  noticeEnd: nullable(Type.String()),
  submittedAt: nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const FactSchema = Type.Object({
  /** Whether the records satisfy the criterion on their own. */
  met: nullable(Type.Boolean()),
  summary: Type.String(),
  details: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
});

const MaterialSchema = Type.Object({
  itemCode: Type.String(),
  note: Type.String(),
  facts: nullable(FactSchema),
  file: nullable(Type.Object({ fileName: Type.String(), mimeType: Type.String(), sizeBytes: Type.Integer() })),
  updatedAt: Type.String(),
});

const CriteriaItemSchema = Type.Object({
  code: Type.String(),
  text: Type.String(),
  maxScore: Type.Number(),
  guidance: Type.String(),
  autoSource: nullable(Type.String()),
});

const ExpertSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  organizationName: Type.String(),
  assignedAt: Type.String(),
  submitted: Type.Boolean(),
  /** Per item, only when the caller may see it (own scores, or everyone's once all are in). */
  scores: nullable(Type.Array(Type.Object({ itemCode: Type.String(), score: Type.Number(), comment: Type.String() }))),
  total: nullable(Type.Number()),
  /** Dropped as the highest or lowest of five. */
  dropped: Type.Boolean(),
});

const ObjectionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  contact: Type.String(),
  text: Type.String(),
  status: literals(OBJECTION_STATUSES),
  answer: nullable(Type.String()),
  answeredAt: nullable(Type.String()),
  lodgedAt: Type.String(),
});

export const ApplicationSchema = Type.Object({
  ...ApplicationSummarySchema.properties,
  ...{
    statement: Type.String(),
    criteria: Type.Object({
      versionId: Type.String(),
      version: Type.String(),
      groups: Type.Array(
        Type.Object({ code: Type.String(), title: Type.String(), items: Type.Array(CriteriaItemSchema) }),
      ),
    }),
    materials: Type.Array(MaterialSchema),
    countyReviewNote: nullable(Type.String()),
    countyReviewedAt: nullable(Type.String()),
    /** The panel: null for callers who do not see it (the applicant). */
    experts: nullable(Type.Array(ExpertSchema)),
    expertCount: Type.Integer(),
    expertsSubmitted: Type.Integer(),
    decision: nullable(literals(['approve', 'reject'] as const)),
    decisionDate: nullable(Type.String()),
    decisionBasis: nullable(Type.String()),
    objections: Type.Array(ObjectionSchema),
    designationId: nullable(Type.String()),
    events: Type.Array(
      Type.Object({
        action: Type.String(),
        actorName: nullable(Type.String()),
        note: nullable(Type.String()),
        at: Type.String(),
      }),
    ),
    /** What the caller may do now (the UI shows these buttons). */
    actions: Type.Array(
      literals([
        'edit',
        'submit',
        'withdraw',
        'county_review',
        'assign_experts',
        'score',
        'decide',
        'answer_objection',
        'designate',
      ] as const),
    ),
    /** Why designation cannot happen yet, when it is in notice. */
    designationBlockedBy: nullable(Type.String()),
  },
});

export const ApplicationListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(DesignationKindSchema),
    status: Type.Optional(ApplicationStatusSchema),
    countyRegionId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const ApplicationCreate = Type.Object(
  {
    kind: DesignationKindSchema,
    subjectId: Type.String({ format: 'uuid' }),
    statement: text(2000, 0),
  },
  { additionalProperties: false },
);

export const ApplicationUpdate = Type.Object({ statement: text(2000, 0) }, { additionalProperties: false });

export const MaterialParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), itemCode: Type.String({ minLength: 1, maxLength: 20 }) },
  { additionalProperties: false },
);
export const MaterialBody = Type.Object({ note: text(2000, 0) }, { additionalProperties: false });

export const CountyReviewBody = Type.Object(
  { outcome: literals(['pass', 'return'] as const), note: text(1000, 0) },
  { additionalProperties: false },
);

export const ExpertCandidateSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  organizationName: Type.String(),
  /** Why this expert cannot be assigned to this application; null when they can. */
  conflict: nullable(Type.String()),
});

export const AssignExpertsBody = Type.Object(
  {
    expertUserIds: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: DESIGNATION_RULES.minExperts,
      maxItems: DESIGNATION_RULES.maxExperts,
    }),
  },
  { additionalProperties: false },
);

export const ScoresBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          itemCode: Type.String({ minLength: 1, maxLength: 20 }),
          score: Type.Number({ minimum: 0, maximum: 100 }),
          comment: text(1000, 0),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    submit: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    decision: literals(['approve', 'reject'] as const),
    date,
    basis: text(2000, 2),
    noticeWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: DESIGNATION_RULES.maxNoticeWorkingDays })),
  },
  { additionalProperties: false },
);

export const ObjectionParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), objectionId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export const ObjectionAnswerBody = Type.Object({ answer: text(2000, 2) }, { additionalProperties: false });

export const ObjectionCreate = Type.Object(
  {
    name: text(50),
    contact: text(100, 5),
    text: text(2000, 5),
  },
  { additionalProperties: false },
);

export const PublicNoticeSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: DesignationKindSchema,
  subjectName: Type.String(),
  countyName: Type.String(),
  finalScore: nullable(Type.Number()),
  decisionDate: nullable(Type.String()),
  noticeStart: Type.String(),
  noticeEnd: Type.String(),
});

export const DesignationSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: DesignationKindSchema,
  subjectId: Type.String(),
  subjectName: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  countyRegionId: Type.String(),
  countyName: Type.String(),
  applicationId: nullable(Type.String()),
  designatedOn: Type.String(),
  status: DesignationStatusSchema,
  rectifyBy: nullable(Type.String()),
  revokedOn: nullable(Type.String()),
  revokeReason: nullable(Type.String()),
  createdAt: Type.String(),
});

export const ReviewSchema = Type.Object({
  id: Type.String(),
  designationId: Type.String(),
  number: Type.String(),
  kind: DesignationKindSchema,
  subjectName: Type.String(),
  countyName: Type.String(),
  designationStatus: DesignationStatusSchema,
  year: Type.Integer(),
  dueOn: Type.String(),
  status: literals(['pending', 'done'] as const),
  outcome: nullable(literals(REVIEW_OUTCOMES)),
  rectifyBy: nullable(Type.String()),
  note: nullable(Type.String()),
  decidedAt: nullable(Type.String()),
});

export const DesignationDetailSchema = Type.Object({
  ...DesignationSchema.properties,
  reviews: Type.Array(ReviewSchema),
});

export const DesignationListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(DesignationKindSchema),
    status: Type.Optional(DesignationStatusSchema),
    county: Type.Optional(Type.String({ format: 'uuid' })),
    asOf: Type.Optional(date),
  },
  { additionalProperties: false },
);
export const DesignationExportQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(DesignationKindSchema),
    status: Type.Optional(DesignationStatusSchema),
    county: Type.Optional(Type.String({ format: 'uuid' })),
    asOf: Type.Optional(date),
  },
  { additionalProperties: false },
);

export const ReviewListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(literals(['pending', 'done'] as const)),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false },
);

export const GenerateReviewsBody = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

export const ReviewParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), reviewId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export const ReviewOutcomeBody = Type.Object(
  {
    outcome: literals(REVIEW_OUTCOMES),
    note: text(2000, 2),
    rectifyBy: Type.Optional(date),
    /** The revocation date (defaults to today). */
    effectiveOn: Type.Optional(date),
  },
  { additionalProperties: false },
);

export const PublicDesignationSchema = Type.Object({
  number: Type.String(),
  kind: DesignationKindSchema,
  name: Type.String(),
  countyName: Type.String(),
  regionName: Type.String(),
  designatedOn: Type.String(),
  status: DesignationStatusSchema,
  address: Type.String(),
  contactName: nullable(Type.String()),
  contactPhone: nullable(Type.String()),
  industryCode: nullable(Type.String()),
  services: Type.Array(literals(STATION_SERVICES)),
  longitude: nullable(Type.Number()),
  latitude: nullable(Type.Number()),
});

export const PublicDesignationQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(DesignationKindSchema),
    region: Type.Optional(Type.String({ format: 'uuid' })),
    industry: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    service: Type.Optional(literals(STATION_SERVICES)),
  },
  { additionalProperties: false },
);

export const ExpertTieSchema = Type.Object({
  id: Type.String(),
  expertUserId: Type.String(),
  expertName: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  note: Type.String(),
  declaredAt: Type.String(),
});
export const ExpertTieCreate = Type.Object(
  { organizationId: Type.String({ format: 'uuid' }), note: text(500, 2) },
  { additionalProperties: false },
);

export const DesignationCountsQuery = Type.Object({ asOf: Type.Optional(date) }, { additionalProperties: false });
export const DesignationCountsSchema = Type.Object({
  asOf: Type.String(),
  items: Type.Array(Type.Object({ kind: DesignationKindSchema, countyRegionId: Type.String(), count: Type.Integer() })),
});
