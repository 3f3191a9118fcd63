import {
  EVALUATION_ROUND_STATUSES,
  INDICATOR_METHODS,
  INDICATOR_SOURCES,
  INSPECTION_TARGETS,
  LIMITS,
  PACE_STATUSES,
  TASK_FORCE_ROLES,
  UNIT_ROLES,
  WORK_ITEM_DISPLAY_STATUSES,
  WORK_ITEM_STATUSES,
} from '@shangmi/shared';
import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';
import { IsoDate, literals, ProgressKindSchema } from './programme.document';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Uuid = Type.String({ format: 'uuid' });
const KindCountsSchema = Type.Object({
  base: Type.Integer(),
  station: Type.Integer(),
  enterprise: Type.Integer(),
  conforming: Type.Integer(),
});
const PaceSchema = literals(PACE_STATUSES);
const KindTarget = Type.Object({ kind: ProgressKindSchema, target: Type.Integer() });

export const ProgrammeSummarySchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    documentNumber: Type.String(),
    issuingBody: Type.String(),
    issuedOn: Type.String(),
    periodStart: Type.String(),
    periodEnd: Type.String(),
    regionId: Type.String(),
    regionName: Type.String(),
    regionCode: Type.String(),
  },
  { $id: 'ProgrammeSummary' },
);

export const ProgrammeDetailSchema = Type.Object(
  {
    ...ProgrammeSummarySchema.properties,
    guidingPrinciples: Type.String(),
    goals: Type.String(),
    targets: Type.Array(KindTarget),
    milestones: Type.Array(Type.Object({ due: Type.String(), title: Type.String(), targets: Type.Array(KindTarget) })),
    tasks: Type.Array(
      Type.Object({
        id: Type.String(),
        position: Type.Integer(),
        title: Type.String(),
        content: Type.String(),
        units: Type.Array(
          Type.Object({ name: Type.String(), organizationId: Nullable(Type.String()), role: literals(UNIT_ROLES) }),
        ),
      }),
    ),
    phases: Type.Array(
      Type.Object({
        title: Type.String(),
        startOn: Type.String(),
        endOn: Type.String(),
        content: Type.String(),
        deliverables: Type.Array(Type.String()),
      }),
    ),
    safeguards: Type.Array(Type.Object({ title: Type.String(), content: Type.String() })),
    taskForce: Type.Object({
      members: Type.Array(
        Type.Object({
          role: literals(TASK_FORCE_ROLES),
          name: Type.String(),
          post: Type.String(),
          organization: Type.String(),
          organizationId: Nullable(Type.String()),
        }),
      ),
      office: Type.Object({
        organization: Type.String(),
        organizationId: Nullable(Type.String()),
        director: Type.String(),
      }),
    }),
  },
  { $id: 'ProgrammeDetail' },
);

export const AllocationSchema = Type.Object(
  {
    kinds: Type.Array(ProgressKindSchema),
    targets: KindCountsSchema,
    items: Type.Array(
      Type.Object({ regionId: Type.String(), code: Type.String(), name: Type.String(), targets: KindCountsSchema }),
    ),
    totals: KindCountsSchema,
    mismatches: Type.Array(
      Type.Object({ kind: ProgressKindSchema, target: Type.Integer(), allocated: Type.Integer() }),
    ),
    balanced: Type.Boolean(),
  },
  { $id: 'Allocation' },
);

export const AllocationBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { regionId: Uuid, kind: ProgressKindSchema, target: Type.Integer({ minimum: 0, maximum: 10_000_000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);

const ScopeSchema = Type.Object({
  regionId: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.Literal('programme'), Type.Literal('unit')]),
});

export const ProgressSchema = Type.Object(
  {
    programmeId: Type.String(),
    asOf: Type.String(),
    scope: ScopeSchema,
    kinds: Type.Array(
      Type.Object({
        kind: ProgressKindSchema,
        target: Type.Integer(),
        actual: Type.Integer(),
        expected: Type.Integer(),
        status: PaceSchema,
        nextMilestone: Nullable(Type.Object({ due: Type.String(), title: Type.String(), target: Type.Integer() })),
      }),
    ),
    milestones: Type.Array(
      Type.Object({
        due: Type.String(),
        title: Type.String(),
        passed: Type.Boolean(),
        met: Type.Boolean(),
        targets: Type.Array(Type.Object({ kind: ProgressKindSchema, target: Type.Integer(), actual: Type.Integer() })),
      }),
    ),
    regions: Type.Array(
      Type.Object({
        regionId: Type.String(),
        code: Type.String(),
        name: Type.String(),
        allocated: KindCountsSchema,
        actual: KindCountsSchema,
        expected: KindCountsSchema,
        statusByKind: Type.Object({
          base: PaceSchema,
          station: PaceSchema,
          enterprise: PaceSchema,
          conforming: PaceSchema,
        }),
        status: PaceSchema,
      }),
    ),
  },
  { $id: 'Progress' },
);

export const ProgressQuery = Type.Object(
  { asOf: Type.Optional(IsoDate), regionId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const SeriesQuery = Type.Object({ regionId: Type.Optional(Uuid) }, { additionalProperties: false });

export const ProgressSeriesSchema = Type.Object(
  {
    programmeId: Type.String(),
    today: Type.String(),
    scope: ScopeSchema,
    dates: Type.Array(Type.String()),
    series: Type.Array(
      Type.Object({
        kind: ProgressKindSchema,
        target: Type.Integer(),
        actual: Type.Array(Nullable(Type.Integer())),
        plan: Type.Array(Type.Number()),
      }),
    ),
    milestones: Type.Array(Type.Object({ due: Type.String(), title: Type.String(), targets: Type.Array(KindTarget) })),
  },
  { $id: 'ProgressSeries' },
);

const Org = Type.Object({ id: Type.String(), name: Type.String() });

export const WorkItemSchema = Type.Object(
  {
    id: Type.String(),
    programmeId: Type.String(),
    taskId: Nullable(Type.String()),
    taskTitle: Nullable(Type.String()),
    taskPosition: Nullable(Type.Integer()),
    title: Type.String(),
    description: Type.String(),
    ownerOrganizationId: Type.String(),
    ownerName: Type.String(),
    partners: Type.Array(Org),
    deadline: Type.String(),
    status: literals(WORK_ITEM_STATUSES),
    displayStatus: literals(WORK_ITEM_DISPLAY_STATUSES),
    overdue: Type.Boolean(),
    completedOn: Nullable(Type.String()),
    meetingId: Nullable(Type.String()),
    decisionPosition: Nullable(Type.Integer()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'WorkItem' },
);

const AttachmentSchema = Type.Object(
  {
    id: Type.String(),
    fileName: Type.String(),
    mimeType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
  },
  { $id: 'WorkItemAttachment' },
);

export const WorkItemDetailSchema = Type.Object(
  {
    ...WorkItemSchema.properties,
    canReport: Type.Boolean(),
    reports: Type.Array(
      Type.Object({
        id: Type.String(),
        authorName: Type.String(),
        organizationName: Type.String(),
        body: Type.String(),
        statusAfter: literals(WORK_ITEM_STATUSES),
        createdAt: Type.String(),
        attachments: Type.Array(Type.Ref('WorkItemAttachment')),
      }),
    ),
  },
  { $id: 'WorkItemDetail' },
);
export { AttachmentSchema as WorkItemAttachmentSchema };

export const WorkItemListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(literals(WORK_ITEM_DISPLAY_STATUSES)),
    taskId: Type.Optional(Uuid),
    ownerOrganizationId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const WorkItemCreate = Type.Object(
  {
    title: text(200),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    taskId: Type.Optional(Nullable(Uuid)),
    ownerOrganizationId: Uuid,
    partnerOrganizationIds: Type.Optional(Type.Array(Uuid, { maxItems: 30, uniqueItems: true })),
    deadline: IsoDate,
  },
  { additionalProperties: false },
);
export const WorkItemUpdate = Type.Partial(WorkItemCreate, { additionalProperties: false, minProperties: 1 });

export const ReportBody = Type.Object(
  { body: text(5000, 2), status: literals(WORK_ITEM_STATUSES) },
  { additionalProperties: false },
);
export const ReportCreated = Type.Object({ reportId: Type.String(), item: Type.Ref('WorkItemDetail') });

export const ReportParams = Type.Object({ id: Uuid, reportId: Uuid }, { additionalProperties: false });
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false });

export const MeetingSchema = Type.Object(
  {
    id: Type.String(),
    programmeId: Type.String(),
    heldOn: Type.String(),
    title: Type.String(),
    location: Type.String(),
    attendees: Type.Array(Type.String()),
    agenda: Type.String(),
    minutes: Type.String(),
    decisions: Type.Array(Type.Object({ position: Type.Integer(), text: Type.String(), workItems: Type.Integer() })),
    createdAt: Type.String(),
  },
  { $id: 'Meeting' },
);

export const MeetingCreate = Type.Object(
  {
    heldOn: IsoDate,
    title: text(200),
    location: text(200),
    attendees: Type.Array(text(200), { minItems: 1, maxItems: 100 }),
    agenda: text(5000),
    minutes: Type.String({ maxLength: 20_000 }),
    decisions: Type.Array(text(2000), { maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const DecisionParams = Type.Object(
  { id: Uuid, position: Type.Integer({ minimum: 0, maximum: 1000 }) },
  { additionalProperties: false },
);
export const DecisionItemsBody = Type.Object(
  { items: Type.Array(WorkItemCreate, { minItems: 1, maxItems: 30 }) },
  { additionalProperties: false },
);

export const InspectionSchema = Type.Object(
  {
    id: Type.String(),
    target: literals(INSPECTION_TARGETS),
    regionId: Nullable(Type.String()),
    regionName: Nullable(Type.String()),
    workItemId: Nullable(Type.String()),
    workItemTitle: Nullable(Type.String()),
    inspectedOn: Type.String(),
    inspectors: Type.String(),
    findings: Type.String(),
    requirements: Type.String(),
    createdAt: Type.String(),
  },
  { $id: 'Inspection' },
);

export const InspectionCreate = Type.Object(
  {
    target: literals(INSPECTION_TARGETS),
    regionId: Type.Optional(Uuid),
    workItemId: Type.Optional(Uuid),
    inspectedOn: IsoDate,
    inspectors: text(500),
    findings: text(10_000),
    requirements: Type.String({ maxLength: 10_000 }),
  },
  { additionalProperties: false },
);

export const InspectionListQuery = Type.Object(
  { ...PageQuery.properties, workItemId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

const IndicatorNode = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  weight: Type.Integer(),
  method: Nullable(literals(INDICATOR_METHODS)),
  source: Nullable(literals(INDICATOR_SOURCES)),
  description: Type.String(),
});

export const IndicatorTreeSchema = Type.Object(
  {
    items: Type.Array(Type.Object({ ...IndicatorNode.properties, children: Type.Array(IndicatorNode) })),
    totalWeight: Type.Integer(),
  },
  { $id: 'IndicatorTree' },
);

export const RoundSchema = Type.Object(
  {
    id: Type.String(),
    programmeId: Type.String(),
    name: Type.String(),
    periodStart: Type.String(),
    periodEnd: Type.String(),
    status: literals(EVALUATION_ROUND_STATUSES),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'EvaluationRound' },
);

export const RoundCreate = Type.Object(
  { name: text(200), periodStart: IsoDate, periodEnd: IsoDate },
  { additionalProperties: false },
);

export const RoundResultsSchema = Type.Object(
  {
    round: Type.Ref('EvaluationRound'),
    indicators: Type.Array(
      Type.Object({
        id: Type.String(),
        parentId: Nullable(Type.String()),
        code: Type.String(),
        name: Type.String(),
        weight: Type.Integer(),
        method: Nullable(literals(INDICATOR_METHODS)),
        source: Nullable(literals(INDICATOR_SOURCES)),
      }),
    ),
    results: Type.Array(
      Type.Object({
        regionId: Type.String(),
        code: Type.String(),
        name: Type.String(),
        total: Type.Number(),
        rank: Type.Integer(),
        complete: Type.Boolean(),
        scores: Type.Array(
          Type.Object({
            indicatorId: Type.String(),
            score: Nullable(Type.Number()),
            automatic: Type.Boolean(),
            basis: Nullable(Type.String()),
          }),
        ),
      }),
    ),
  },
  { $id: 'EvaluationResults' },
);

export const ManualScoreBody = Type.Object(
  { regionId: Uuid, indicatorId: Uuid, score: Type.Number({ minimum: 0, maximum: 1000 }), basis: text(2000) },
  { additionalProperties: false },
);

export const IndicatorsBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          code: text(20),
          name: text(100),
          weight: Type.Integer({ minimum: 0, maximum: 1000 }),
          method: Type.Optional(Nullable(literals(INDICATOR_METHODS))),
          source: Type.Optional(Nullable(literals(INDICATOR_SOURCES))),
          description: Type.Optional(Type.String({ maxLength: 1000 })),
          children: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  code: text(20),
                  name: text(100),
                  weight: Type.Integer({ minimum: 0, maximum: 1000 }),
                  method: Type.Optional(Nullable(literals(INDICATOR_METHODS))),
                  source: Type.Optional(Nullable(literals(INDICATOR_SOURCES))),
                  description: Type.Optional(Type.String({ maxLength: 1000 })),
                },
                { additionalProperties: false },
              ),
              { maxItems: 50 },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });
export const PAGE_MAX = LIMITS.pageSizeMax;
