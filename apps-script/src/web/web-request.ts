import { parseQueryString } from './query-string.ts';

/** What a GET or POST to /exec asks for, before authorization. */
export interface WebRequest {
  method: 'GET' | 'POST';
  action: string | null;
  key: string | null;
  input: Record<string, unknown>;
  idempotencyKey: unknown;
  /** Why the body could not be read, if it could not. */
  bodyError: string | null;
}

/** Parameters that steer the request and are never part of an operation's input. */
const RESERVED = new Set(['action', 'key', 'api_key', 'idempotency_key']);

type WebEvent = GoogleAppsScript.Events.DoGet | GoogleAppsScript.Events.DoPost;

function withoutReserved(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!RESERVED.has(k)) out[k] = v;
  return out;
}

/**
 * The query: e.parameter, plus anything a client glued onto the action value. The schema's
 * path keys are "/exec?action=createTask", so a client adding its own "?key=…" sends
 * action "createTask?key=…", which must still route and authenticate.
 */
function queryOf(e: WebEvent): { action: string | null; params: Record<string, string> } {
  const params: Record<string, string> = { ...(e.parameter ?? {}) };
  const raw = params.action;
  if (raw === undefined) return { action: null, params };
  const cut = raw.search(/[?&#]/);
  if (cut >= 0) {
    const extra = parseQueryString(raw.slice(cut + 1).replace(/\?/g, '&'));
    for (const [k, v] of Object.entries(extra)) if (!(k in params) || k === 'action') params[k] = v;
  }
  const action = (cut >= 0 ? raw.slice(0, cut) : raw).trim().replace(/\/+$/, '');
  return { action: action === '' ? null : action, params };
}

function readBody(e: WebEvent): { body: Record<string, unknown> | null; error: string | null } {
  const contents = (e as GoogleAppsScript.Events.DoPost).postData?.contents ?? '';
  if (contents.trim() === '') return { body: null, error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(contents);
  } catch {
    return { body: null, error: 'the body is not JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { body: null, error: 'the body must be a JSON object' };
  }
  return { body: parsed as Record<string, unknown>, error: null };
}

export function parseWebRequest(e: WebEvent, method: 'GET' | 'POST'): WebRequest {
  const { action: queryAction, params } = queryOf(e);
  const { body, error } = method === 'POST' ? readBody(e) : { body: null, error: null };
  const bodyAction = typeof body?.action === 'string' ? body.action : null;
  const bodyKey = typeof body?.api_key === 'string' ? body.api_key : null;
  return {
    method,
    action: queryAction ?? bodyAction,
    key: params.key ?? bodyKey,
    input: withoutReserved(body ?? params),
    idempotencyKey: body?.idempotency_key ?? params.idempotency_key,
    bodyError: error,
  };
}
