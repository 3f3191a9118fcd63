import { ASSESSMENT_ANSWERS, ASSESSMENT_STATUSES, CERTIFICATE_STATUSES } from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';
import { RequirementSchema } from '../frameworks/index';

/** A union of string literals whose static type is the literal union (not `never`). */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const AnswerSchema = literals(ASSESSMENT_ANSWERS);
export const AssessmentStatusSchema = literals(ASSESSMENT_STATUSES);
export const LinkTypeSchema = literals(['enterprise', 'certificate', 'assessment'] as const);
export const DecisionSchema = literals(['accept', 'return'] as const);

const Uuid = Type.String({ format: 'uuid' });
const RequirementCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });

export const ScoreSummarySchema = Type.Object({
  scoreBp: Type.Integer(),
  mandatoryUnmet: Type.Integer(),
  answered: Type.Integer(),
  total: Type.Integer(),
});

export const AssessmentSummarySchema = Type.Object({
  id: Type.String(),
  enterprise: Type.Object({ id: Type.String(), name: Type.String(), regionName: Type.String() }),
  campaign: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  standardVersionId: Type.String(),
  standardVersionLabel: Type.String(),
  guideVersionId: nullable(Type.String()),
  guideVersionLabel: nullable(Type.String()),
  industry: Type.String(),
  status: AssessmentStatusSchema,
  round: Type.Integer(),
  scoreBp: nullable(Type.Integer()),
  mandatoryUnmet: Type.Integer(),
  answered: Type.Integer(),
  total: Type.Integer(),
  dueDate: nullable(Type.String()),
  renewsCertificateId: nullable(Type.String()),
  submittedAt: nullable(Type.String()),
  decidedAt: nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EvidenceSchema = Type.Object({
  id: Type.String(),
  requirementCode: Type.String(),
  kind: literals(['file', 'link'] as const),
  fileName: nullable(Type.String()),
  mimeType: nullable(Type.String()),
  sizeBytes: nullable(Type.Integer()),
  sha256: nullable(Type.String()),
  linkType: nullable(Type.String()),
  linkId: nullable(Type.String()),
  linkLabel: nullable(Type.String()),
  createdAt: Type.String(),
});

const EffectiveRequirementSchema = Type.Object({
  ...RequirementSchema.properties,
  chapterCode: Type.String(),
  chapterTitle: Type.String(),
  clauseCode: Type.String(),
  clauseTitle: Type.String(),
  source: literals(['standard', 'guide'] as const),
});

export const GapSchema = Type.Object({
  code: Type.String(),
  text: Type.String(),
  answer: nullable(AnswerSchema),
  mandatory: Type.Boolean(),
  weight: Type.Number(),
  action: Type.String(),
});

const AnswerStateSchema = Type.Object({
  answer: nullable(AnswerSchema),
  naReason: nullable(Type.String()),
  notes: nullable(Type.String()),
  updatedAt: Type.String(),
});

export const AssessmentSchema = Type.Object({
  ...AssessmentSummarySchema.properties,
  requirements: Type.Array(EffectiveRequirementSchema),
  answers: Type.Record(Type.String(), AnswerStateSchema),
  evidence: Type.Record(Type.String(), Type.Array(EvidenceSchema)),
  review: Type.Record(
    Type.String(),
    Type.Object({ decision: DecisionSchema, comment: nullable(Type.String()), round: Type.Integer() }),
  ),
  score: Type.Object({
    ...ScoreSummarySchema.properties,
    gaps: Type.Array(GapSchema),
    passScoreBp: Type.Integer(),
    certifiable: Type.Boolean(),
  }),
  rounds: Type.Array(
    Type.Object({
      round: Type.Integer(),
      submittedAt: Type.String(),
      scoreBp: Type.Integer(),
      mandatoryUnmet: Type.Integer(),
      outcome: nullable(literals(['returned', 'accepted'] as const)),
      decidedAt: nullable(Type.String()),
      comment: nullable(Type.String()),
    }),
  ),
  /** Requirement codes the enterprise may change now (all while filling in; the returned ones after a return). */
  editableCodes: Type.Array(Type.String()),
  editable: Type.Boolean(),
  submittable: Type.Boolean(),
  reviewable: Type.Boolean(),
  /** The certificate this assessment produced on acceptance; null until then. */
  certificate: nullable(
    Type.Object({ id: Type.String(), number: Type.String(), status: literals(CERTIFICATE_STATUSES) }),
  ),
});

export const AssessmentListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(AssessmentStatusSchema),
    enterpriseId: Type.Optional(Uuid),
    campaignId: Type.Optional(Uuid),
    regionId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const AnswerParams = Type.Object({ id: Uuid, code: RequirementCode }, { additionalProperties: false });
export const EvidenceParams = Type.Object({ id: Uuid, evidenceId: Uuid }, { additionalProperties: false });

export const AnswerBody = Type.Object(
  {
    answer: nullable(AnswerSchema),
    naReason: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
    notes: Type.Optional(nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false },
);

export const AnswerSaved = Type.Object({
  requirementCode: Type.String(),
  answer: nullable(AnswerSchema),
  naReason: nullable(Type.String()),
  notes: nullable(Type.String()),
  updatedAt: Type.String(),
  status: AssessmentStatusSchema,
  score: ScoreSummarySchema,
});

export const LinkBody = Type.Object(
  { requirementCode: RequirementCode, linkType: LinkTypeSchema, linkId: Uuid },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          requirementCode: RequirementCode,
          decision: DecisionSchema,
          comment: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const GapsQuery = Type.Object(
  { format: Type.Optional(literals(['json', 'xlsx'] as const)) },
  { additionalProperties: false },
);
