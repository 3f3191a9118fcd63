import { Type, type Static } from 'typebox';

export const IMPORT_STATUSES = ['validating', 'validated', 'importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ImportJobParams = Type.Object({ jobId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const ImportRowErrorSchema = Type.Object({
  row: Type.Integer({ description: '用户在 Excel 中看到的行号' }),
  column: Type.String({ description: '列标题（中文）' }),
  field: Type.String({ description: '字段名（与登记接口一致）' }),
  message: Type.String(),
});
export type ImportRowError = Static<typeof ImportRowErrorSchema>;

export const ImportJobSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([
    Type.Literal('validating'),
    Type.Literal('validated'),
    Type.Literal('importing'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  fileName: Type.String(),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  validRows: Type.Integer(),
  errorRows: Type.Integer(),
  importedRows: Type.Integer(),
  errors: Type.Array(ImportRowErrorSchema),
  message: Type.Union([Type.String(), Type.Null()]),
});
export type ImportJob = Static<typeof ImportJobSchema>;

export const ImportAccepted = Type.Object({ jobId: Type.String() });
