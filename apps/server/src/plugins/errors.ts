import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import localizeZh from 'ajv-i18n/localize/zh';
import { AppError, type FieldError } from '../lib/errors';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型，请使用 application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体不能为空',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求体长度与 Content-Length 不符',
  FST_ERR_CTP_EMPTY_TYPE: '缺少请求内容类型',
  FST_ERR_CTP_INVALID_TYPE: '请求内容类型无效',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请求不是 multipart/form-data',
  FST_REQ_FILE_TOO_LARGE: '上传的文件过大',
  FST_FILES_LIMIT: '上传的文件数量过多',
  FST_PARTS_LIMIT: '表单字段过多',
};

const TITLES: Record<number, string> = {
  400: '请求无效',
  401: '未登录',
  403: '禁止访问',
  404: '未找到',
  405: '方法不允许',
  409: '冲突',
  413: '请求体过大',
  415: '不支持的内容类型',
  422: '无法处理',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

const CONTEXT_LABELS: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    (issue.params.missingProperty as string | undefined) ?? (issue.params.additionalProperty as string | undefined);
  if (extra) {
    return base ? `${base}.${extra}` : extra;
  }
  return base || (context ?? '');
}

function messageOf(issue: ValidationIssue, field: string): string {
  switch (issue.keyword) {
    case 'additionalProperties':
      return `不允许的字段「${field}」`;
    case 'required':
      return `缺少必填字段「${field}」`;
    case 'format':
      return `「${field}」格式不正确`;
    default:
      return `「${field}」${issue.message ?? '不符合要求'}`;
  }
}

/** Turns Ajv's errors into `{field, message}` pairs in Chinese. */
export function validationErrors(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  localizeZh(issues as Parameters<typeof localizeZh>[0]);
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const issue of issues) {
    // anyOf/oneOf wrappers repeat what their branches said.
    if (issue.keyword === 'anyOf' || issue.keyword === 'oneOf' || issue.keyword === 'if') {
      continue;
    }
    const field = fieldOf(issue, context);
    const message = messageOf(issue, field);
    if (!seen.has(field + message)) {
      seen.add(field + message);
      result.push({ field, message });
    }
  }
  return result;
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: { code?: string; errors?: FieldError[] } = {},
): FastifyReply {
  const body: Record<string, unknown> = {
    type: `https://shangmi.dev/problems/${extra.code ?? status}`,
    title: TITLES[status] ?? (status >= 500 ? '服务器错误' : '请求错误'),
    status,
    detail,
    instance: reply.request.url.split('?')[0],
    requestId: reply.request.id,
  };
  if (extra.errors) {
    body.errors = extra.errors;
  }
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/** One error handler: everything leaves as RFC 9457 problem+json; a 5xx never shows internals. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.status, error.detail, { code: error.code, errors: error.errors });
    }
    const fastifyError = error as FastifyError & { validationContext?: string };
    if (fastifyError.validation) {
      const context = fastifyError.validationContext;
      const errors = validationErrors(fastifyError.validation, context);
      const where = context ? (CONTEXT_LABELS[context] ?? context) : '请求';
      return sendProblem(reply, 400, `${where}校验失败：${errors.map((e) => e.message).join('；')}`, {
        code: 'validation_failed',
        errors,
      });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail =
        FASTIFY_CODES[fastifyError.code] ??
        (fastifyError instanceof SyntaxError || /JSON/i.test(fastifyError.message)
          ? '请求体不是有效的 JSON'
          : (TITLES[status] ?? '请求无效'));
      return sendProblem(reply, status, detail, { code: fastifyError.code?.toLowerCase() ?? String(status) });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, '服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号', {
      code: 'internal',
    });
  });
});
