import type { z } from 'zod';
import type { HttpMethod } from '../catalogue/http-binding.ts';
import type { JsonSchema } from './json-schema.ts';

// A route as the API documentation describes it, with zod schemas for what travels: the
// catalogue's operations become these from their HTTP binding, and a host's other routes
// (accounts, tokens, health …) declare one beside their handler, which parses with the
// same schemas. One object that both the handler and the docs read, like createRoute.

export interface HeaderDoc {
  name: string;
  description: string;
  schema: JsonSchema;
}

export interface ResponseDoc {
  description: string;
  /** The JSON body's schema; absent: the response has no JSON body. */
  schema?: z.ZodType;
  /** A body that is not JSON, e.g. text/html; with `schema` absent. */
  contentType?: string;
  headers?: readonly HeaderDoc[];
}

export interface RouteDoc {
  method: HttpMethod;
  /** Express style: /api/tokens/:id. */
  path: string;
  operationId: string;
  summary: string;
  /** ≤ 300 characters where a GPT reads it. */
  description: string;
  tag: string;
  /** false: public, no credentials. */
  auth: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Request headers it reads (documented in the full API document only). */
  headers?: readonly HeaderDoc[];
  /** By status ('default': every error). */
  responses: Readonly<Record<string, ResponseDoc>>;
  /** Ask the person before calling (GPT Actions' x-openai-isConsequential). */
  consequential?: boolean;
}

/** Types a route's documentation where it is declared. */
export function defineRoute<R extends RouteDoc>(route: R): R {
  return route;
}
