import { CRITERIA_KINDS } from '@shangmi/shared';
import { Type } from 'typebox';

/** A union of string literals whose static type is the literal union (not `never`). */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

/** What the system can fill in from its own records later (the application workflow). */
export const AUTO_SOURCES = ['certificate', 'secret_register', 'agreements', 'training', 'violations'] as const;

export const CriteriaKindSchema = literals(CRITERIA_KINDS);

const CriteriaItem = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20 }),
    text: Type.String({ minLength: 1, maxLength: 500 }),
    maxScore: Type.Integer({ minimum: 1, maximum: 100 }),
    guidance: Type.String({ maxLength: 2000 }),
    autoSource: Type.Optional(Type.Union([literals(AUTO_SOURCES), Type.Null()])),
  },
  { additionalProperties: false },
);

const CriteriaGroup = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20 }),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    items: Type.Array(CriteriaItem, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const CriteriaGroups = Type.Array(CriteriaGroup, { minItems: 1, maxItems: 20 });

export const CriteriaVersionSchema = Type.Object(
  {
    id: Type.String(),
    kind: CriteriaKindSchema,
    version: Type.String(),
    status: literals(['draft', 'published'] as const),
    groups: Type.Array(
      Type.Object({
        code: Type.String(),
        title: Type.String(),
        items: Type.Array(
          Type.Object({
            code: Type.String(),
            text: Type.String(),
            maxScore: Type.Integer(),
            guidance: Type.String(),
            autoSource: Type.Union([Type.String(), Type.Null()]),
          }),
        ),
      }),
    ),
    totalScore: Type.Integer(),
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
  },
  { $id: 'CriteriaVersion' },
);

export const CriteriaListQuery = Type.Object(
  { kind: Type.Optional(CriteriaKindSchema) },
  { additionalProperties: false },
);

export const CriteriaCreate = Type.Object(
  {
    kind: CriteriaKindSchema,
    version: Type.String({ minLength: 1, maxLength: 20 }),
    groups: Type.Optional(CriteriaGroups),
    copyFromId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const CriteriaUpdate = Type.Object({ groups: CriteriaGroups }, { additionalProperties: false });

export interface CriteriaItemInput {
  code: string;
  text: string;
  maxScore: number;
  guidance: string;
  autoSource?: string | null;
}
export interface CriteriaGroupInput {
  code: string;
  title: string;
  items: CriteriaItemInput[];
}
