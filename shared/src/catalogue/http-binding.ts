import type { z } from 'zod';

// How a catalogue operation travels over HTTP: one object that the server's routes, the
// OpenAPI document, the web client and the test stand-ins all read, in the manner of
// hono-open-api-starter's createRoute. Nothing about a route is written anywhere else.

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpBinding<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** `:name` segments carry the input field of that name. */
  path: string;
  /** Where the input's other fields travel: the query string, or a JSON object body. */
  fields: 'query' | 'body';
  /** A success's status: 200, 201 Created (with Location), or 204 No Content. */
  status: 200 | 201 | 204;
  /** 201: the created resource's path; null when nothing was created (then 200). */
  location?(output: z.input<O>): string | null;
  /** When `location` can be null: what the 200 then means, for the documentation. */
  notCreated?: string;
  /** The output's version, sent as ETag; a GET then answers 304 to a matching If-None-Match. */
  etag?(output: z.input<O>): string | null;
  /** The input field an If-Match header fills; a stale one answers 412 Precondition Failed. */
  ifMatch?: string;
  /** 204: the output a client rebuilds from the input, since no body travels back. */
  noContent?(input: z.output<I>): z.input<O>;
  /** Its group in the API documentation (default: Tasks). */
  tag?: string;
}

/** The input fields a path carries, in order: '/api/tasks/:id/snooze' → ['id']. */
export function pathFields(path: string): string[] {
  return [...path.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!);
}

/** The path with its fields filled in, each encoded as one segment. */
export function fillPath(path: string, input: Record<string, unknown>): string {
  return path.replace(/:([a-z_]+)/g, (_m, name: string) =>
    encodeURIComponent(String(input[name] ?? '')),
  );
}

/** A query string as a form encodes it (URLSearchParams' way: spaces as +). */
export function formEncode(fields: Record<string, unknown>): string {
  const encode = (text: string) =>
    encodeURIComponent(text)
      .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encode(name)}=${encode(String(value))}`)
    .join('&');
}

/** The path as OpenAPI writes it: '/api/tasks/{id}'. */
export function openApiPath(path: string): string {
  return path.replace(/:([a-z_]+)/g, '{$1}');
}

/** Literal paths before parameterised ones, so /api/tasks/best is not read as an id. */
export function routeOrder(a: { path: string }, b: { path: string }): number {
  return pathFields(a.path).length - pathFields(b.path).length;
}
