// The one request wrapper of the console. Every call to the KAMS API goes through
// `request`: it sends the session cookie, adds the CSRF token to state-changing requests,
// turns the API's error envelope (shared/API.md) into an `ApiError`, and reports an
// expired session (401) to the handler the app registers, which goes back to login.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** Field name → problem code (`required`, `too_long`, `invalid`, …) as the server reports it. */
export type FieldProblems = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  /** The envelope's `code`; `network` when the server could not be reached. */
  readonly code: string;
  readonly fields: FieldProblems;
  /** 503 `unavailable` only: the storage failed while saving; the change may have been kept. */
  readonly inDoubt: boolean;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldProblems = {},
    inDoubt = false,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.inDoubt = inDoubt;
  }

  /** 412: the record changed since it was read; the caller should reload it. */
  get isStaleVersion(): boolean {
    return this.status === 412;
  }

  get hasFieldProblems(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A body sent as it is, with its media type: e.g. a CSV file as `text/csv`. */
export type RawContent = { type: string; data: Blob | string };

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  /** Sent as JSON. Give `body` or `content`, not both. */
  body?: unknown;
  /** Sent as it is (a file is streamed, not read into memory first). */
  content?: RawContent;
  /** RFC 7240 preference, e.g. `respond-async` (202 at once, the work goes on in the background). */
  prefer?: string;
  /** The `version` the change is based on; sent as `If-Match`. */
  ifMatch?: number;
  /** The console's language (e.g. "en-US"), for answers written in words; `Accept-Language`. */
  language?: string;
  signal?: AbortSignal;
};

const API_BASE = '/api/v1';
const MUTATING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let handleUnauthenticated: () => void = () => {};

/** Remembers the session's CSRF token (from login or GET /auth/me); null forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the session is gone (401): the app sends the user to login. */
export function setUnauthenticatedHandler(handler: () => void): void {
  handleUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Sends one API request and resolves with the parsed JSON body (undefined for 204).
 * Rejects with an ApiError for every non-2xx answer and for network failures.
 */
export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file the API answered with, and the answer's headers (its name, row counts, …). */
export type FileAnswer = { blob: Blob; headers: Headers };

/**
 * Sends one API request whose answer is a file (e.g. an export), not JSON: resolves with
 * its bytes as a Blob and the answer's headers. `accept` is the file's media type; errors
 * are the same API error envelope as for `request`, and reject the same way (401 included).
 */
export async function requestFile(
  method: Method,
  path: string,
  accept: string,
  options: RequestOptions = {},
): Promise<FileAnswer> {
  const response = await send(method, path, options, `${accept}, application/json`);
  return { blob: await response.blob(), headers: response.headers };
}

/** Sends the request; resolves with a 2xx answer, else rejects with its ApiError. */
async function send(
  method: Method,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  else if (options.content) headers['Content-Type'] = options.content.type;
  if (options.prefer) headers['Prefer'] = options.prefer;
  if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['If-Match'] = String(options.ifMatch);
  if (options.language) headers['Accept-Language'] = options.language;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : options.content?.data,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }

  if (response.ok) return response;
  const error = await toApiError(response);
  // A failed login is a wrong password, not an expired session.
  if (error.status === 401 && path !== '/auth/login') {
    csrfToken = null;
    handleUnauthenticated();
  }
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = new ApiError(
    response.status,
    codeForStatus(response.status),
    response.statusText,
  );
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (!isEnvelope(body)) return fallback;
  const { code, message, fields, in_doubt } = body.error;
  return new ApiError(response.status, code, message, fields ?? {}, in_doubt === true);
}

type Envelope = {
  error: { code: string; message: string; fields?: FieldProblems; in_doubt?: boolean };
};

function isEnvelope(body: unknown): body is Envelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The code API.md gives each status, for answers without an envelope (e.g. a proxy's 502). */
function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 412:
      return 'precondition_failed';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    case 502:
    case 503:
    case 504:
      return 'unavailable';
    default:
      return 'internal';
  }
}
