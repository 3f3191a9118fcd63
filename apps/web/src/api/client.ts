import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { Problem, ProblemFieldError } from './types';

/** An HTTP failure carrying the server's RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: ProblemFieldError[];
  readonly type: string | null;
  /** The server's request id, to quote when reporting a problem. */
  readonly requestId: string | null;

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title ?? `HTTP ${status}`;
    this.detail = problem.detail ?? null;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.type = problem.type ?? null;
    this.requestId = problem.requestId ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A network failure (server down, offline) is reported with status 0. */
const NETWORK_ERROR_STATUS = 0;

// The CSRF token lives in memory only; the auth context refreshes it from /api/auth/me on load.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Serialises query parameters, leaving out empty values (the server rejects empty params). */
export function toQueryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      search.set(key, String(value));
    }
  }
  return search.toString();
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has('Accept')) {
      request.headers.set('Accept', 'application/json');
    }
    if (request.method !== 'GET' && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  onError({ error }) {
    return new ApiError(NETWORK_ERROR_STATUS, {
      title: 'Network error',
      detail: error instanceof Error ? error.message : undefined,
    });
  },
};

/**
 * The server reads uploads with @fastify/multipart, so the document has no body schema for them
 * (`requestBody?: never`); this describes the form fields each upload reads.
 */
type WithMultipart<P, Fields> = P extends { post: infer Post }
  ? Omit<P, 'post'> & {
      post: Omit<Post, 'requestBody'> & { requestBody: { content: { 'multipart/form-data': Fields } } };
    }
  : P;

type MultipartFields = {
  '/api/enterprises/import': { file: File };
  '/api/frameworks/{id}/import': { file: File; version: string };
  '/api/assessments/{id}/evidence': { file: File; requirementCode: string };
};

type ClientPaths = Omit<paths, keyof MultipartFields> & {
  [P in keyof MultipartFields & keyof paths]: WithMultipart<paths[P], MultipartFields[P]>;
};

/**
 * The typed client for the server's OpenAPI document (src/api/schema.d.ts):
 * `unwrap(api.GET('/api/enterprises/{id}', { params: { path: { id } } }))`.
 * It sends the session cookie and the CSRF token; wrap each call in `unwrap` or `download`.
 */
export const api = createClient<ClientPaths>({
  credentials: 'same-origin',
  querySerializer: toQueryString,
});
api.use(sessionMiddleware);

function toProblem(error: unknown, response: Response): Partial<Problem> {
  if (error && typeof error === 'object') {
    return error;
  }
  return { status: response.status, title: response.statusText };
}

type Settled<D> = { data?: D; error?: unknown; response: Response };

async function settle<D>(pending: Promise<Settled<D>>): Promise<{ data: D; response: Response }> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    throw new ApiError(response.status, toProblem(error, response));
  }
  // A 204 has no body: its data is undefined, which the generated types express as `never`/`undefined`.
  return { data: data as D, response };
}

/**
 * The data of a successful call; a failure throws an ApiError with the server's problem details.
 * Where types.ts narrows a response (an enum the server documents as a plain string), annotate the
 * caller's return type with the narrowed type: `T` is inferred from it and must be a subtype of the
 * documented `D`, so the narrowing cannot drift from the contract.
 */
export async function unwrap<D, T extends D = D>(pending: Promise<Settled<D>>): Promise<T> {
  return (await settle(pending)).data as T;
}

/** Reads `filename*=UTF-8''…` or `filename="…"` from a Content-Disposition header. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) {
    return fallback;
  }
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() ?? fallback;
}

/**
 * Saves the file of a call made with `parseAs: 'blob'`. Downloading through fetch means errors arrive as
 * problems (shown in the page) instead of replacing the page with a JSON body.
 */
export async function download(pending: Promise<Settled<Blob>>, fallbackName: string): Promise<string> {
  const { data: blob, response } = await settle(pending);
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before releasing the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}

/**
 * Serialises a multipart body: text fields first, then files, because the server reads the fields it
 * needs before streaming the file.
 */
export function multipartBody(body: Record<string, string | File>): FormData {
  const form = new FormData();
  const entries = Object.entries(body);
  for (const [key, value] of entries) {
    if (typeof value === 'string') {
      form.append(key, value);
    }
  }
  for (const [key, value] of entries) {
    if (value instanceof File) {
      form.append(key, value, value.name);
    }
  }
  return form;
}
