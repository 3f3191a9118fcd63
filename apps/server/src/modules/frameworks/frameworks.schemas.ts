import { Type, type Static } from 'typebox';
import { FrameworkContentSchema, RequirementSchema } from './frameworks.content';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

// Spelled out (not mapped from the shared tuples) so that Static<> keeps the literal types.
export const FrameworkKindSchema = Type.Union([Type.Literal('standard'), Type.Literal('guide')]);
export const VersionStatusSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('published'),
  Type.Literal('retired'),
]);

const summaryProperties = {
  id: Type.String(),
  version: Type.String(),
  status: VersionStatusSchema,
  template: Type.Boolean(),
  baseVersionId: nullable(Type.String()),
  requirementCount: Type.Integer(),
  publishedAt: nullable(Type.String()),
  createdAt: Type.String(),
};

export const VersionSummarySchema = Type.Object(summaryProperties);

export const FrameworkSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: FrameworkKindSchema,
  name: Type.String(),
  industry: nullable(Type.String()),
  industryName: nullable(Type.String()),
  description: Type.String(),
  versions: Type.Array(VersionSummarySchema),
});

export const VersionSchema = Type.Object({
  ...summaryProperties,
  frameworkId: Type.String(),
  frameworkName: Type.String(),
  kind: FrameworkKindSchema,
  industry: nullable(Type.String()),
  content: FrameworkContentSchema,
});

export const EffectiveRequirementSchema = Type.Object({
  ...RequirementSchema.properties,
  chapterCode: Type.String(),
  chapterTitle: Type.String(),
  clauseCode: Type.String(),
  clauseTitle: Type.String(),
  source: Type.Union([Type.Literal('standard'), Type.Literal('guide')]),
});

export const RequirementsResponse = Type.Object({
  items: Type.Array(EffectiveRequirementSchema),
  passScore: Type.Number(),
  /** The guide applied (standard versions with an industry), or the version itself for a guide. */
  guideVersionId: nullable(Type.String()),
});

const versionLabel = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$' });

export const FrameworkCreate = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9][a-z0-9_.-]*$' }),
    kind: FrameworkKindSchema,
    name: Type.String({ minLength: 2, maxLength: 200 }),
    industry: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    description: Type.String({ maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type FrameworkCreateInput = Static<typeof FrameworkCreate>;

export const VersionCreate = Type.Object(
  {
    version: versionLabel,
    baseVersionId: Type.Optional(Type.String({ format: 'uuid' })),
    content: Type.Optional(FrameworkContentSchema),
    copyFromVersionId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type VersionCreateInput = Static<typeof VersionCreate>;

export const ContentUpdate = Type.Object({ content: FrameworkContentSchema }, { additionalProperties: false });

export const RequirementsQuery = Type.Object(
  { industry: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })) },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')])) },
  { additionalProperties: false },
);

/** What a JSON export holds: the content plus enough to re-import it elsewhere. */
export const FrameworkExportSchema = Type.Object(
  {
    format: Type.Literal('shangmi-framework'),
    framework: Type.Object(
      {
        code: Type.String(),
        kind: FrameworkKindSchema,
        name: Type.String(),
        industry: nullable(Type.String()),
      },
      { additionalProperties: false },
    ),
    version: Type.String(),
    baseVersion: nullable(
      Type.Object({ frameworkCode: Type.String(), version: Type.String() }, { additionalProperties: false }),
    ),
    content: FrameworkContentSchema,
  },
  { additionalProperties: false },
);
export type FrameworkExport = Static<typeof FrameworkExportSchema>;
