import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

/** Most files one batch request attests. */
export const ATTESTATION_BATCH_MAX = 1000;
export const ATTESTATION_LABEL_MAX = 200;

// The hash is checked by the service (not a schema pattern), so that a wrong length and a non-hex
// character each get their own plain message.
const Sha256Input = Type.String({ maxLength: 200, description: '文件的 SHA-256，64 位十六进制' });

export const AttestationInput = Type.Object(
  {
    sha256: Sha256Input,
    label: Type.Optional(
      Type.String({ maxLength: ATTESTATION_LABEL_MAX, description: '文件名或说明（仅本企业可见，不进入公开日志）' }),
    ),
    secretPointId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const AttestationBatchInput = Type.Object(
  { items: Type.Array(AttestationInput, { minItems: 1, maxItems: ATTESTATION_BATCH_MAX }) },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 100,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: '客户端生成的请求标识（如 UUID）；同一企业重复使用即视为重放，返回 409',
    }),
  ),
});

export const ReceiptSchema = Type.Object(
  {
    format: Type.Literal('shangmi-attestation-receipt/v1'),
    entry: Type.Object({
      encoded: Type.String({ description: '规范编码的条目（base64，73 字节）' }),
      sha256: Type.String(),
      loggedAt: Type.String(),
      timestampMs: Type.Number(),
      commitment: Type.String({ description: '企业承诺（hex）' }),
    }),
    leafIndex: Type.Integer(),
    checkpoint: Type.String({ description: 'C2SP tlog-checkpoint 签名文本' }),
    inclusionProof: Type.Array(Type.String(), { description: 'RFC 9162 包含证明（base64，自叶向根）' }),
    publicKey: Type.String({ description: '日志的 note 验证公钥' }),
    attester: Type.Object({ subject: Type.String(), salt: Type.String(), name: Type.String() }),
    verifyUrl: Type.String(),
  },
  { additionalProperties: false },
);

export const AttestationSchema = Type.Object(
  {
    id: Type.String(),
    sha256: Type.String(),
    label: nullable(Type.String()),
    secretPointId: nullable(Type.String()),
    leafIndex: nullable(Type.Integer()),
    loggedAt: Type.String(),
    createdAt: Type.String(),
    createdByName: Type.String(),
  },
  { additionalProperties: false },
);

export const AttestationWithReceipt = Type.Object(
  { attestation: AttestationSchema, receipt: ReceiptSchema },
  { additionalProperties: false },
);

export const AttestationBatchResult = Type.Object(
  { treeSize: Type.Integer(), items: Type.Array(AttestationWithReceipt) },
  { additionalProperties: false },
);

export const AttestationListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 100, description: '名称或 SHA-256 前缀' })),
    secretPointId: Type.Optional(Uuid),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

export const AttestationExportQuery = Type.Object(
  {
    q: AttestationListQuery.properties.q,
    secretPointId: AttestationListQuery.properties.secretPointId,
    from: AttestationListQuery.properties.from,
    to: AttestationListQuery.properties.to,
  },
  { additionalProperties: false },
);

export const FileDownload = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

// ---------------------------------------------------------------------------------------------------
// The public log

export const LogText = Type.String();

export const InclusionQuery = Type.Object(
  { leafIndex: Type.Integer({ minimum: 0 }), treeSize: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const ConsistencyQuery = Type.Object(
  { from: Type.Integer({ minimum: 0 }), to: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

export const LOG_ENTRIES_PAGE_MAX = 1000;

export const EntriesQuery = Type.Object(
  { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const InclusionProofSchema = Type.Object(
  {
    leafIndex: Type.Integer(),
    treeSize: Type.Integer(),
    proof: Type.Array(Type.String(), { description: 'base64 哈希，自叶向根' }),
  },
  { additionalProperties: false },
);

export const ConsistencyProofSchema = Type.Object(
  { from: Type.Integer(), to: Type.Integer(), proof: Type.Array(Type.String()) },
  { additionalProperties: false },
);

export const EntriesSchema = Type.Object(
  {
    start: Type.Integer(),
    end: Type.Integer(),
    entries: Type.Array(
      Type.Object({
        leafIndex: Type.Integer(),
        entry: Type.String({ description: 'base64 规范编码' }),
        sha256: Type.String(),
        loggedAt: Type.String(),
        commitment: Type.String(),
      }),
    ),
  },
  { additionalProperties: false },
);

// ---------------------------------------------------------------------------------------------------
// Evidence in self-assessments

export const EvidenceParams = Type.Object({ id: Uuid, evidenceId: Uuid }, { additionalProperties: false });

export const AttestationEvidenceInput = Type.Object(
  {
    requirementCode: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' }),
    attestationId: Uuid,
  },
  { additionalProperties: false },
);

export const AttestationEvidenceSchema = Type.Object(
  {
    id: Type.String(),
    requirementCode: Type.String(),
    attestation: AttestationSchema,
    createdAt: Type.String(),
  },
  { additionalProperties: false },
);

export const AttestationEvidenceList = Type.Object(
  { items: Type.Array(AttestationEvidenceSchema), editable: Type.Boolean() },
  { additionalProperties: false },
);
