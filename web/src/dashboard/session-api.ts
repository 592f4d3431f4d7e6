import { httpClient, type MindFlowClient } from '../client/index.ts';

// How the dashboard talks to its server: same origin, the HttpOnly session cookie (the
// page never sees the session token), and the session's CSRF token on every write.
// Catalogue operations go through the shared httpClient with a fetch that swaps its
// Bearer header for the cookie; the dashboard's own routes use api().

export interface SessionUser {
  id: string;
  email: string;
  time_zone: string;
  [setting: string]: unknown;
}

export interface Session {
  user: SessionUser;
  csrf_token: string | null;
  has_password: boolean;
}

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiFailure extends Error {
  readonly status: number;
  readonly error: ApiError;
  constructor(status: number, error: ApiError) {
    super(error.message);
    this.status = status;
    this.error = error;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE = new Set(['GET', 'HEAD']);

/** fetch with the cookie and, for a write, the CSRF header. */
export function sessionFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.delete('authorization');
  const method = (init.method ?? 'GET').toUpperCase();
  if (!SAFE.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
}

async function failureOf(response: Response): Promise<ApiFailure> {
  let error: ApiError = {
    code: 'internal',
    message: `The server answered ${response.status} ${response.statusText}`,
  };
  try {
    const body = (await response.json()) as { error?: ApiError };
    if (body.error?.message) error = body.error;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiFailure(response.status, error);
}

/** A JSON call to one of the server's routes; throws ApiFailure with the server's message. */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await sessionFetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new ApiFailure(0, {
      code: 'unavailable',
      message: `Could not reach MindFlow: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (!response.ok) throw await failureOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The signed-in session, or null when nobody is signed in. */
export async function loadSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('GET', '/api/session');
    setCsrfToken(session.csrf_token);
    return session;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

/** The components' client: the catalogue's operations over REST, with the cookie. */
export function dashboardClient(): MindFlowClient {
  return httpClient(location.origin, '', { fetch: sessionFetch });
}
