import type { ErrorCode } from '@raccord/schemas';
import { errorBodySchema } from '@raccord/schemas';
import type { z } from 'zod';

/** An error answered by the API (or a network failure, status 0), carrying the server's stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    details?: Record<string, unknown> | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.requestId = init.requestId;
  }
}

/** 401 codes that mean "wrong input", not "signed out": they must not end the session. */
const credentialCodes = new Set<string>(['auth.invalid_credentials', 'auth.wrong_password', 'auth.rate_limited']);

let csrfToken: string | null = null;
let unauthorizedHandler: ((error: ApiError) => void) | null = null;

/** The token returned by login/session; sent in `x-csrf-token` on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the app shell: what to do when the session has ended under our feet. */
export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | null): void {
  unauthorizedHandler = handler;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal | undefined;
  /** Parses (and types) the response body. */
  schema: S;
  /** The session probe and the login form handle their own 401. */
  skipAuthRedirect?: boolean;
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(status: number, body: unknown, statusText: string): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError({ status, code, message, details, requestId });
  }
  return new ApiError({
    status,
    code: status >= 500 ? 'internal.error' : 'request.failed',
    message: statusText || `HTTP ${status}`,
  });
}

/** One JSON call to the API. Throws {@link ApiError} on any non-2xx answer or network failure. */
export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network.error', message: 'Network error' });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response.status, body, response.statusText);
    if (response.status === 401 && !options.skipAuthRedirect && !credentialCodes.has(error.code)) {
      unauthorizedHandler?.(error);
    }
    throw error;
  }

  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'response.invalid',
      message: `Unexpected response from ${method} ${path}`,
      details: { issues: parsed.error.issues },
    });
  }
  return parsed.data;
}

type Opts<S extends z.ZodType> = Omit<RequestOptions<S>, 'method' | 'body' | 'schema'>;

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, opts: Opts<S> = {}) =>
    apiRequest(path, { ...opts, schema, method: 'GET' }),
  post: <S extends z.ZodType>(path: string, body: unknown, schema: S, opts: Opts<S> = {}) =>
    apiRequest(path, { ...opts, schema, body, method: 'POST' }),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S, opts: Opts<S> = {}) =>
    apiRequest(path, { ...opts, schema, body, method: 'PATCH' }),
  delete: <S extends z.ZodType>(path: string, schema: S, opts: Opts<S> = {}) =>
    apiRequest(path, { ...opts, schema, method: 'DELETE' }),
};
