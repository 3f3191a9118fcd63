import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  CARRIER_KINDS,
  CARRIER_STATUSES,
  MANUAL_SECRET_EVENT_KINDS,
  MEASURE_STATUSES,
  OFFBOARDING_STATUSES,
  OFFBOARDING_STEPS,
  PERSONNEL_STATUSES,
  READINESS_ITEMS,
  SECRET_ACCESS_ACTIONS,
  SECRET_CATEGORIES,
  SECRET_EVENT_KINDS,
  SECRET_LEVEL_LIMITS,
  SECRET_LIMITS,
  SECRET_POINT_STATUSES,
} from '@shangmi/shared';
import { Type } from 'typebox';

const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const date = Type.String({ format: 'date' });
const uuid = Type.String({ format: 'uuid' });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const EnterpriseParams = Type.Object({ id: uuid }, { additionalProperties: false });
export const PointParams = Type.Object({ id: uuid, pointId: uuid }, { additionalProperties: false });
export const CarrierParams = Type.Object({ id: uuid, pointId: uuid, carrierId: uuid }, { additionalProperties: false });
export const MeasureParams = Type.Object({ id: uuid, pointId: uuid, measureId: uuid }, { additionalProperties: false });
export const PersonParams = Type.Object({ id: uuid, personnelId: uuid }, { additionalProperties: false });
export const AgreementParams = Type.Object({ id: uuid, agreementId: uuid }, { additionalProperties: false });
export const OffboardingParams = Type.Object({ id: uuid, offboardingId: uuid }, { additionalProperties: false });
export const StepParams = Type.Object(
  { id: uuid, offboardingId: uuid, step: literals(OFFBOARDING_STEPS) },
  { additionalProperties: false },
);
export const PaymentParams = Type.Object(
  { id: uuid, offboardingId: uuid, paymentId: uuid },
  { additionalProperties: false },
);

const pageFields = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: SECRET_LIMITS.pageSizeMax, default: 20 })),
};
export const page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const ReadinessSchema = Type.Object({
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  properties: Type.Object({ secrecy: Type.Integer(), value: Type.Integer(), protection: Type.Integer() }),
  missing: Type.Array(literals(READINESS_ITEMS)),
});

export const LevelSchema = Type.Object({ code: Type.String(), name: Type.String(), core: Type.Boolean() });
export const LevelsBody = Type.Object(
  {
    levels: Type.Array(
      Type.Object(
        { code: Type.String({ pattern: SECRET_LEVEL_LIMITS.codePattern }), name: text(20), core: Type.Boolean() },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: SECRET_LEVEL_LIMITS.maxLevels },
    ),
  },
  { additionalProperties: false },
);

export const PointListItemSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  name: Type.String(),
  category: literals(SECRET_CATEGORIES),
  levelCode: Type.String(),
  levelName: Type.String(),
  core: Type.Boolean(),
  protectedUntil: NullableString,
  department: Type.String(),
  status: literals(SECRET_POINT_STATUSES),
  knowerCount: Type.Integer(),
  carrierCount: Type.Integer(),
  readiness: ReadinessSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const PointListQuery = Type.Object(
  {
    ...pageFields,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    category: Type.Optional(literals(SECRET_CATEGORIES)),
    level: Type.Optional(Type.String({ maxLength: 24 })),
    status: Type.Optional(literals(SECRET_POINT_STATUSES)),
    department: Type.Optional(Type.String({ maxLength: 100 })),
    /** Only points whose readiness score is below this. */
    readinessBelow: Type.Optional(Type.Integer({ minimum: 1, maximum: 101 })),
  },
  { additionalProperties: false },
);

export const RegisterSchema = Type.Object({
  ...page(PointListItemSchema).properties,
  levels: Type.Array(LevelSchema),
  departments: Type.Array(Type.String()),
});

const PersonRef = Type.Object({
  personnelId: Type.String(),
  name: Type.String(),
  department: Type.String(),
  post: Type.String(),
  status: literals(PERSONNEL_STATUSES),
  confidentialitySigned: Type.Boolean(),
  nonCompeteSigned: Type.Boolean(),
  trained: Type.Boolean(),
});

export const CarrierSchema = Type.Object({
  id: Type.String(),
  kind: literals(CARRIER_KINDS),
  label: Type.String(),
  location: Type.String(),
  custodianPersonnelId: NullableString,
  custodianName: NullableString,
  status: literals(CARRIER_STATUSES),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const MeasureSchema = Type.Object({
  id: Type.String(),
  requirementCode: NullableString,
  requirementText: NullableString,
  description: Type.String(),
  status: literals(MEASURE_STATUSES),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EventSchema = Type.Object({
  id: Type.String(),
  kind: literals(SECRET_EVENT_KINDS),
  occurredOn: Type.String(),
  note: NullableString,
  actorName: NullableString,
  createdAt: Type.String(),
});

export const AttestationRefSchema = Type.Object({
  id: Type.String(),
  sha256: Type.String(),
  label: NullableString,
  leafIndex: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
});

export const PointDetailSchema = Type.Object({
  ...PointListItemSchema.properties,
  content: Type.String(),
  valueStatement: NullableString,
  notes: NullableString,
  confirmedAt: NullableString,
  knowers: Type.Array(PersonRef),
  carriers: Type.Array(CarrierSchema),
  measures: Type.Array(MeasureSchema),
  events: Type.Array(EventSchema),
  attestations: Type.Array(AttestationRefSchema),
  /** The admin may confirm, change the scope and see the access log. */
  canManage: Type.Boolean(),
});

export const PointCreate = Type.Object(
  {
    name: text(SECRET_LIMITS.nameMax),
    category: literals(SECRET_CATEGORIES),
    levelCode: Type.String({ maxLength: 24 }),
    protectedUntil: Type.Optional(Type.Union([date, Type.Null()])),
    department: text(100),
    content: text(SECRET_LIMITS.contentMax),
    valueStatement: Type.Optional(nullable(text(SECRET_LIMITS.noteMax, 0))),
    notes: Type.Optional(nullable(text(SECRET_LIMITS.noteMax, 0))),
    personnelIds: Type.Optional(Type.Array(uuid, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

export const PointUpdate = Type.Partial(
  Type.Object(
    {
      name: text(SECRET_LIMITS.nameMax),
      category: literals(SECRET_CATEGORIES),
      levelCode: Type.String({ maxLength: 24 }),
      protectedUntil: Type.Union([date, Type.Null()]),
      department: text(100),
      content: text(SECRET_LIMITS.contentMax),
      valueStatement: nullable(text(SECRET_LIMITS.noteMax, 0)),
      notes: nullable(text(SECRET_LIMITS.noteMax, 0)),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false },
);

export const StatusChangeBody = Type.Object(
  { reason: text(500, 2), occurredOn: Type.Optional(date) },
  { additionalProperties: false },
);

export const ScopeBody = Type.Object(
  { personnelIds: Type.Array(uuid, { maxItems: 500 }) },
  { additionalProperties: false },
);

export const CarrierCreate = Type.Object(
  {
    kind: literals(CARRIER_KINDS),
    label: text(100),
    location: text(500),
    custodianPersonnelId: Type.Optional(Type.Union([uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export const CarrierUpdate = Type.Partial(
  Type.Object(
    {
      label: text(100),
      location: text(500),
      custodianPersonnelId: Type.Union([uuid, Type.Null()]),
      status: literals(CARRIER_STATUSES),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false },
);

export const MeasureCreate = Type.Object(
  {
    requirementCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    description: text(1000),
    status: literals(MEASURE_STATUSES),
  },
  { additionalProperties: false },
);
export const MeasureUpdate = Type.Partial(MeasureCreate, { additionalProperties: false });

export const EventCreate = Type.Object(
  { kind: literals(MANUAL_SECRET_EVENT_KINDS), occurredOn: date, note: text(SECRET_LIMITS.noteMax) },
  { additionalProperties: false },
);

export const AccessEntrySchema = Type.Object({
  id: Type.String(),
  secretPointId: NullableString,
  pointNumber: NullableString,
  pointName: NullableString,
  userId: Type.String(),
  username: NullableString,
  displayName: NullableString,
  action: literals(SECRET_ACCESS_ACTIONS),
  at: Type.String(),
});
export const AccessQuery = Type.Object(
  {
    ...pageFields,
    pointId: Type.Optional(uuid),
    action: Type.Optional(literals(SECRET_ACCESS_ACTIONS)),
  },
  { additionalProperties: false },
);

export const AcknowledgementSchema = Type.Object({ acknowledgedAt: Type.String(), notice: Type.String() });

export const RequirementOptionSchema = Type.Object({
  code: Type.String(),
  text: Type.String(),
  clause: Type.String(),
});

export const ImportReportSchema = Type.Object({
  imported: Type.Integer(),
  rows: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
});

// ── personnel and agreements ─────────────────────────────────────────────────────────────────────

export const TrainingSchema = Type.Object({
  id: Type.String(),
  trainedOn: Type.String(),
  topic: Type.String(),
  hours: Type.Number(),
  createdAt: Type.String(),
});

export const PersonnelSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  department: Type.String(),
  post: Type.String(),
  hireDate: Type.String(),
  status: literals(PERSONNEL_STATUSES),
  leftOn: NullableString,
  userId: NullableString,
  username: NullableString,
  knownPoints: Type.Integer(),
  knowsCore: Type.Boolean(),
  confidentialitySigned: Type.Boolean(),
  nonCompeteSigned: Type.Boolean(),
  trained: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const PersonnelDetailSchema = Type.Object({
  ...PersonnelSchema.properties,
  notes: NullableString,
  trainings: Type.Array(TrainingSchema),
  points: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      name: Type.String(),
      levelName: Type.String(),
      core: Type.Boolean(),
      status: Type.String(),
    }),
  ),
  carriersHeld: Type.Integer(),
  openOffboardingId: NullableString,
});

export const PersonnelListQuery = Type.Object(
  {
    ...pageFields,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(literals(PERSONNEL_STATUSES)),
    department: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const PersonnelCreate = Type.Object(
  {
    name: text(50),
    department: text(100),
    post: text(100),
    hireDate: date,
    userId: Type.Optional(Type.Union([uuid, Type.Null()])),
    notes: Type.Optional(nullable(text(SECRET_LIMITS.noteMax, 0))),
  },
  { additionalProperties: false },
);
export const PersonnelUpdate = Type.Partial(PersonnelCreate, { additionalProperties: false });

export const TrainingCreate = Type.Object(
  { trainedOn: date, topic: text(200), hours: Type.Number({ minimum: 0.1, maximum: 200 }) },
  { additionalProperties: false },
);

export const AgreementSchema = Type.Object({
  id: Type.String(),
  personnelId: Type.String(),
  personnelName: Type.String(),
  personnelDepartment: Type.String(),
  kind: literals(AGREEMENT_KINDS),
  signedOn: Type.String(),
  effectiveFrom: Type.String(),
  effectiveUntil: NullableString,
  restrictedMonths: Type.Union([Type.Integer(), Type.Null()]),
  monthlyCompensation: Type.Union([Type.Number(), Type.Null()]),
  documentName: NullableString,
  documentSize: Type.Union([Type.Integer(), Type.Null()]),
  status: literals(AGREEMENT_STATUSES),
  inForce: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const AgreementListQuery = Type.Object(
  {
    ...pageFields,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(literals(AGREEMENT_KINDS)),
    status: Type.Optional(literals(AGREEMENT_STATUSES)),
    personnelId: Type.Optional(uuid),
  },
  { additionalProperties: false },
);

/** Shape only: the two-year limit is checked by the service, with the statute cited. */
export const AgreementCreate = Type.Object(
  {
    personnelId: uuid,
    kind: literals(AGREEMENT_KINDS),
    signedOn: date,
    effectiveFrom: date,
    effectiveUntil: Type.Optional(Type.Union([date, Type.Null()])),
    restrictedMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1200 }), Type.Null()])),
    /** Yuan per month. */
    monthlyCompensation: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10_000_000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const SigningRatesSchema = Type.Object({
  /** People who know any live secret point (not yet left). */
  knowers: Type.Integer(),
  confidentialitySigned: Type.Integer(),
  /** Percent, one decimal; null when nobody knows a point. */
  confidentialityRate: Type.Union([Type.Number(), Type.Null()]),
  coreKnowers: Type.Integer(),
  nonCompeteSigned: Type.Integer(),
  nonCompeteRate: Type.Union([Type.Number(), Type.Null()]),
});

// ── offboarding ──────────────────────────────────────────────────────────────────────────────────

export const OffboardingListItemSchema = Type.Object({
  id: Type.String(),
  personnelId: Type.String(),
  personnelName: Type.String(),
  personnelDepartment: Type.String(),
  leavingOn: Type.String(),
  declassificationUntil: NullableString,
  highRisk: Type.Boolean(),
  status: literals(OFFBOARDING_STATUSES),
  stepsDone: Type.Integer(),
  stepsOverdue: Type.Integer(),
  createdAt: Type.String(),
  completedAt: NullableString,
});

export const OffboardingSchema = Type.Object({
  ...OffboardingListItemSchema.properties,
  personnelPost: Type.String(),
  nonCompeteAgreementId: NullableString,
  steps: Type.Array(
    Type.Object({
      step: literals(OFFBOARDING_STEPS),
      dueOn: Type.String(),
      doneAt: NullableString,
      doneByName: NullableString,
      note: NullableString,
      overdue: Type.Boolean(),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      monthIndex: Type.Integer(),
      dueOn: Type.String(),
      amount: Type.Number(),
      paidOn: NullableString,
    }),
  ),
  knownPoints: Type.Array(
    Type.Object({ id: Type.String(), number: Type.String(), name: Type.String(), core: Type.Boolean() }),
  ),
  carriersHeld: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), label: Type.String(), pointNumber: Type.String() }),
  ),
});

export const OffboardingListQuery = Type.Object(
  {
    ...pageFields,
    status: Type.Optional(literals(OFFBOARDING_STATUSES)),
    highRisk: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const OffboardingCreate = Type.Object(
  {
    personnelId: uuid,
    leavingOn: date,
    declassificationUntil: Type.Optional(Type.Union([date, Type.Null()])),
  },
  { additionalProperties: false },
);

export const StepBody = Type.Object(
  {
    note: Type.Optional(nullable(text(SECRET_LIMITS.noteMax, 0))),
    /** non_compete_activated: the non-compete agreement to activate (or none: the step records it is waived). */
    agreementId: Type.Optional(Type.Union([uuid, Type.Null()])),
  },
  { additionalProperties: false },
);

export const PaymentBody = Type.Object({ paidOn: date }, { additionalProperties: false });

// ── attention and government summary ─────────────────────────────────────────────────────────────

export const AttentionSchema = Type.Object({
  draftsToConfirm: Type.Integer(),
  lowReadiness: Type.Array(
    Type.Object({ id: Type.String(), number: Type.String(), name: Type.String(), score: Type.Integer() }),
  ),
  expiringSoon: Type.Array(
    Type.Object({ id: Type.String(), number: Type.String(), name: Type.String(), protectedUntil: Type.String() }),
  ),
  unsignedKnowers: Type.Array(Type.Object({ personnelId: Type.String(), name: Type.String() })),
  overdueSteps: Type.Array(
    Type.Object({
      offboardingId: Type.String(),
      personnelName: Type.String(),
      step: literals(OFFBOARDING_STEPS),
      dueOn: Type.String(),
      highRisk: Type.Boolean(),
    }),
  ),
  paymentsDue: Type.Array(
    Type.Object({
      offboardingId: Type.String(),
      personnelName: Type.String(),
      dueOn: Type.String(),
      amount: Type.Number(),
    }),
  ),
  averageReadiness: Type.Union([Type.Integer(), Type.Null()]),
  signingRates: SigningRatesSchema,
});

export const SecretSummarySchema = Type.Object({
  enterpriseId: Type.String(),
  totalPoints: Type.Integer(),
  byLevel: Type.Array(Type.Object({ levelName: Type.String(), core: Type.Boolean(), count: Type.Integer() })),
  byStatus: Type.Array(Type.Object({ status: literals(SECRET_POINT_STATUSES), count: Type.Integer() })),
  signingRates: SigningRatesSchema,
  /** Mean court-readiness score of live points; null when there are none. */
  averageReadiness: Type.Union([Type.Integer(), Type.Null()]),
});
