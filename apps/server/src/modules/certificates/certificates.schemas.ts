import { Type } from 'typebox';
import { PageQuery } from '../../lib/schemas';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** CERTIFICATE_STATUSES of @shangmi/shared, spelled out so the literal types survive. */
export const CertificateStatusSchema = Type.Union([
  Type.Literal('valid'),
  Type.Literal('expired'),
  Type.Literal('revoked'),
]);

/** Certificate numbers look like LCGB-2026-000123; the pattern also keeps odd bytes out of queries. */
export const CertificateNumber = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });

export const CertificateSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    enterprise: Type.Object({ id: Type.String(), name: Type.String(), uscc: Type.String() }),
    regionName: Type.String(),
    industryName: Type.String(),
    standardVersionLabel: Type.String(),
    guideVersionLabel: nullable(Type.String()),
    scoreBp: Type.Integer(),
    validFrom: Type.String({ format: 'date' }),
    validUntil: Type.String({ format: 'date' }),
    status: CertificateStatusSchema,
    revokedAt: nullable(Type.String()),
    revokeReason: nullable(Type.String()),
    assessmentId: Type.String(),
    createdAt: Type.String(),
  },
  { additionalProperties: false },
);

export const CertificateListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(CertificateStatusSchema),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    industry: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    /** Certificates held on this day (the ones that count toward the plan's 贯标 target on that date). */
    heldOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })),
  },
  { additionalProperties: false },
);

export const NumberParams = Type.Object({ number: CertificateNumber }, { additionalProperties: false });

export const PublicCertificateSchema = Type.Object(
  {
    number: Type.String(),
    holder: Type.String(),
    /** First 6 and last 4 characters of the USCC; the middle masked. */
    uscc: Type.String(),
    standard: Type.String(),
    guide: nullable(Type.String()),
    validFrom: Type.String({ format: 'date' }),
    validUntil: Type.String({ format: 'date' }),
    status: CertificateStatusSchema,
    statusLabel: Type.String(),
    revokedAt: nullable(Type.String()),
    revokeReason: nullable(Type.String()),
  },
  { additionalProperties: false },
);

export { PdfFile } from '../../lib/pdf';
