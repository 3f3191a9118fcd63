import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IdParams, Page, ReasonBody } from '../../lib/schemas';
import { PDF_MIME } from '../../lib/pdf';
import { closePdfWorkers, configurePdfWorkers } from '../../lib/pdf-worker';
import { attachmentName } from '../../lib/excel';
import { contextOf } from '../../plugins/authz';
import {
  CertificateListQuery,
  CertificateSchema,
  NumberParams,
  PdfFile,
  PublicCertificateSchema,
} from './certificates.schemas';
import {
  certificatePdf,
  getCertificate,
  listCertificates,
  revokeCertificate,
  verifyCertificate,
} from './certificates.service';

const TAGS = ['贯标 certificates'];

/**
 * The scheme, host and port the client used. Behind a reverse proxy, Fastify reads X-Forwarded-Proto
 * and X-Forwarded-Host only when config.trustProxy is on (app.ts passes it to Fastify), so a forged
 * header cannot redirect a QR code when the server faces clients directly.
 */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export const certificateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // PDFs render in a worker thread (font subsetting would block the event loop); stop it with the app.
  configurePdfWorkers({ logger: app.log });
  app.addHook('onClose', closePdfWorkers);
  app.get(
    '/api/certificates',
    {
      config: { permission: 'certificate:read' },
      schema: {
        tags: TAGS,
        operationId: 'listCertificates',
        summary: '贯标证书列表（状态、区域、行业、名称/编号搜索，分页）',
        querystring: CertificateListQuery,
        response: { 200: Page(CertificateSchema) },
      },
    },
    async (request) => listCertificates(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/certificates/:id',
    {
      config: { permission: 'certificate:read' },
      schema: {
        tags: TAGS,
        operationId: 'getCertificate',
        summary: '贯标证书详情',
        params: IdParams,
        response: { 200: CertificateSchema },
      },
    },
    async (request) => getCertificate(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/certificates/:id/pdf',
    {
      config: { permission: 'certificate:read' },
      schema: {
        tags: TAGS,
        operationId: 'getCertificatePdf',
        summary: '下载证书 PDF（含核验二维码）',
        params: IdParams,
        produces: [PDF_MIME],
        response: { 200: PdfFile },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await certificatePdf(
        app.db,
        contextOf(request),
        request.params.id,
        requestOrigin(request),
      );
      return reply
        .type(PDF_MIME)
        .header('content-disposition', attachmentName(`贯标证书-${number}.pdf`))
        .send(pdf);
    },
  );

  app.post(
    '/api/certificates/:id/revoke',
    {
      config: { permission: 'certificate:revoke' },
      schema: {
        tags: TAGS,
        operationId: 'revokeCertificate',
        summary: '撤销证书（须填写原因）',
        params: IdParams,
        body: ReasonBody,
        response: { 200: CertificateSchema },
      },
    },
    async (request) => revokeCertificate(app.db, contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/public/certificates/:number',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        operationId: 'verifyCertificate',
        summary: '公开核验证书（持证企业、状态、有效期）',
        params: NumberParams,
        response: { 200: PublicCertificateSchema },
      },
    },
    async (request) => verifyCertificate(app.db, request.params.number),
  );
};
