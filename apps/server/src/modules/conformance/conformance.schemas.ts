import { Type } from 'typebox';

const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('xlsx')], { description: 'json（默认）或 xlsx（Excel）' }),
);

export const HeatmapQuery = Type.Object(
  {
    dimension: Type.Optional(Type.Union([Type.Literal('industry'), Type.Literal('region')], { default: 'industry' })),
    standardVersionId: Type.String({ format: 'uuid' }),
    campaignId: Type.Optional(Type.String({ format: 'uuid' })),
    format: Format,
  },
  { additionalProperties: false },
);

export const HeatmapSchema = Type.Object(
  {
    requirements: Type.Array(Type.Object({ code: Type.String(), text: Type.String() })),
    columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), assessments: Type.Integer() })),
    cells: Type.Array(
      Type.Object({
        code: Type.String(),
        key: Type.String(),
        passRate: Type.Number({ minimum: 0, maximum: 1 }),
        answered: Type.Integer(),
      }),
    ),
  },
  { additionalProperties: false },
);

export const CommonGapsQuery = Type.Object(
  {
    standardVersionId: Type.String({ format: 'uuid' }),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    industry: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    campaignId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    format: Format,
  },
  { additionalProperties: false },
);

export const CommonGapsSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        code: Type.String(),
        text: Type.String(),
        gapRate: Type.Number({ minimum: 0, maximum: 1 }),
        assessments: Type.Integer(),
        mandatory: Type.Boolean(),
      }),
    ),
  },
  { additionalProperties: false },
);
