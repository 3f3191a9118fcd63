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

  constructor(status: number, problem: Problem) {
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

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `path?query`, leaving out empty values (the server rejects unknown or empty params). */
export function withQuery(path: string, params?: QueryParams): string {
  if (!params) {
    return path;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  if (!text) {
    return { status: response.status, title: response.statusText };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      return parsed;
    }
  } catch {
    // not JSON: fall through
  }
  return { status: response.status, title: response.statusText };
}

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(NETWORK_ERROR_STATUS, {
      title: 'Network error',
      detail: cause instanceof Error ? cause.message : undefined,
    });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return response;
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function apiGet<T>(path: string, params?: QueryParams): Promise<T> {
  return json<T>(await send('GET', withQuery(path, params)));
}

export async function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return json<T>(await send('POST', path, body ?? {}));
}

export async function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return json<T>(await send('PATCH', path, body));
}

export async function apiPut<T>(path: string, body: unknown): Promise<T> {
  return json<T>(await send('PUT', path, body));
}

export async function apiDelete<T>(path: string): Promise<T> {
  return json<T>(await send('DELETE', path));
}

/** Uploads a multipart form (the browser sets the boundary). */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return json<T>(await send('POST', path, form));
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
 * Downloads a file through fetch so that errors arrive as problems (shown in the page) instead of
 * replacing the page with a JSON body.
 */
export async function apiDownload(
  path: string,
  params: QueryParams | undefined,
  fallbackName: string,
): Promise<string> {
  const response = await send('GET', withQuery(path, params));
  const blob = await response.blob();
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
