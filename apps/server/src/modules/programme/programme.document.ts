import {
  INDICATOR_METHODS,
  INDICATOR_SOURCES,
  PROGRAMME_DOCUMENT_FORMAT,
  PROGRESS_KINDS,
  TASK_FORCE_ROLES,
  UNIT_ROLES,
} from '@shangmi/shared';
import { Type, type Static } from 'typebox';

/** A union of string literals whose static type is the literal union. */
export const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

export const ProgressKindSchema = literals(PROGRESS_KINDS);
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });

const KindTarget = Type.Object({ kind: ProgressKindSchema, target: Count }, { additionalProperties: false });

/** An indicator of the evaluation tree in a document: a group (with children) or a leaf (with a method). */
export interface DocumentIndicator {
  code: string;
  name: string;
  weight: number;
  method?: 'auto' | 'manual' | null;
  source?: (typeof INDICATOR_SOURCES)[number] | null;
  description?: string;
  children?: DocumentIndicator[];
}

const IndicatorLeaf = Type.Object(
  {
    code: text(20),
    name: text(100),
    weight: Type.Integer({ minimum: 0, maximum: 1000 }),
    method: Type.Optional(Type.Union([literals(INDICATOR_METHODS), Type.Null()])),
    source: Type.Optional(Type.Union([literals(INDICATOR_SOURCES), Type.Null()])),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
const IndicatorGroup = Type.Object(
  {
    ...IndicatorLeaf.properties,
    children: Type.Optional(Type.Array(IndicatorLeaf, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

/**
 * A programme as a portable JSON document (export and import): regions by administrative code and
 * organisations by name, so another deployment (another city, a province) loads it against its own
 * registry. Two levels of indicators: groups and their leaves.
 */
export const ProgrammeDocumentSchema = Type.Object(
  {
    format: Type.Literal(PROGRAMME_DOCUMENT_FORMAT),
    version: Type.Literal(1),
    title: text(200),
    documentNumber: text(100),
    issuingBody: text(200),
    issuedOn: IsoDate,
    periodStart: IsoDate,
    periodEnd: IsoDate,
    regionCode: text(20),
    guidingPrinciples: Type.String({ maxLength: 20_000 }),
    goals: Type.String({ maxLength: 20_000 }),
    targets: Type.Array(KindTarget, { minItems: 1, maxItems: PROGRESS_KINDS.length }),
    milestones: Type.Array(
      Type.Object(
        { due: IsoDate, title: text(200), targets: Type.Array(KindTarget, { maxItems: PROGRESS_KINDS.length }) },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    tasks: Type.Array(
      Type.Object(
        {
          title: text(500),
          content: Type.String({ maxLength: 20_000 }),
          units: Type.Array(
            Type.Object({ name: text(200), role: literals(UNIT_ROLES) }, { additionalProperties: false }),
            { maxItems: 50 },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    phases: Type.Array(
      Type.Object(
        {
          title: text(500),
          startOn: IsoDate,
          endOn: IsoDate,
          content: Type.String({ maxLength: 20_000 }),
          deliverables: Type.Array(text(500), { maxItems: 50 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    safeguards: Type.Array(
      Type.Object({ title: text(500), content: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false }),
      { maxItems: 50 },
    ),
    taskForce: Type.Object(
      {
        members: Type.Array(
          Type.Object(
            { role: literals(TASK_FORCE_ROLES), name: text(50), post: text(200), organization: text(200) },
            { additionalProperties: false },
          ),
          { maxItems: 200 },
        ),
        office: Type.Object({ organization: text(200), director: text(50) }, { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
    allocations: Type.Optional(
      Type.Array(
        Type.Object({ regionCode: text(20), kind: ProgressKindSchema, target: Count }, { additionalProperties: false }),
        { maxItems: 2000 },
      ),
    ),
    indicators: Type.Optional(Type.Array(IndicatorGroup, { maxItems: 50 })),
  },
  { additionalProperties: false, $id: 'ProgrammeDocument' },
);

export type ProgrammeDocument = Static<typeof ProgrammeDocumentSchema>;
