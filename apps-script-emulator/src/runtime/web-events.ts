/** A GET to the web app's /exec URL. */
export interface GetRequest {
  /** "action=listTasks&limit=5", or a record (repeated keys as arrays). */
  query?: string | Record<string, string | number | boolean | readonly string[]>;
  /** The path after /exec, e.g. "tasks" for /exec/tasks. */
  pathInfo?: string;
}

/** A POST to /exec. */
export interface PostRequest extends GetRequest {
  /** The raw body; an object is sent as JSON. */
  body?: string | object;
  /** Content-Type of the body; application/json for object bodies. */
  contentType?: string;
}

export interface WebAppEvent {
  queryString: string;
  parameter: Record<string, string>;
  parameters: Record<string, string[]>;
  contextPath: string;
  contentLength: number;
  pathInfo?: string;
  postData?: { contents: string; type: string; length: number; name: 'postData' };
}

function toSearchParams(query: GetRequest['query']): URLSearchParams {
  if (query === undefined) return new URLSearchParams();
  if (typeof query === 'string') return new URLSearchParams(query.replace(/^\?/, ''));
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? (value as readonly string[]) : [String(value)];
    for (const v of values) params.append(key, v);
  }
  return params;
}

function collect(params: URLSearchParams, event: WebAppEvent): void {
  for (const [key, value] of params) {
    event.parameters[key] = [...(event.parameters[key] ?? []), value];
    event.parameter[key] ??= value;
  }
}

/** The `e` of doGet(e), shaped like Apps Script's: contentLength -1, "" when no query. */
export function buildGetEvent(request: GetRequest = {}): WebAppEvent {
  const params = toSearchParams(request.query);
  const event: WebAppEvent = {
    queryString:
      typeof request.query === 'string' ? request.query.replace(/^\?/, '') : params.toString(),
    parameter: {},
    parameters: {},
    contextPath: '',
    contentLength: -1,
  };
  if (request.pathInfo !== undefined) event.pathInfo = request.pathInfo;
  collect(params, event);
  return event;
}

/**
 * The `e` of doPost(e). A form-encoded body is also parsed into e.parameter(s), after the
 * query string, as Apps Script does; a JSON or text body is only in e.postData.
 */
export function buildPostEvent(request: PostRequest = {}): WebAppEvent {
  const event = buildGetEvent(request);
  const isObject = typeof request.body === 'object' && request.body !== null;
  const contents: string =
    typeof request.body === 'string' ? request.body : isObject ? JSON.stringify(request.body) : '';
  const type = request.contentType ?? (isObject ? 'application/json' : 'text/plain');
  const length = Buffer.byteLength(contents, 'utf8');
  event.contentLength = length;
  event.postData = { contents, type, length, name: 'postData' };
  if (type.startsWith('application/x-www-form-urlencoded'))
    collect(new URLSearchParams(contents), event);
  return event;
}
