import { z } from 'zod';

// The error every transport answers with, and the two envelopes around it: REST sends
// {error} with an HTTP status; the add-on's web app and google.script.run cannot set a
// status, so they send {ok, data} or {ok:false, error}. One schema, so they cannot drift.

export const ERROR_CODES = [
  'validation_failed',
  'not_found',
  'conflict',
  'unauthorized',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.output<typeof ErrorCodeSchema>;

/** One broken rule of one field: `{field: "priority", rule: "max", message: "..."}`. */
export const FieldIssueSchema = z.object({
  field: z
    .string()
    .meta({ description: 'The field path, e.g. "priority" or "tags.2"; "" for the body.' }),
  rule: z.string().meta({
    description: 'The rule broken: required, type, min, max, format, one_of, unknown_field …',
  }),
  message: z.string(),
});
export type FieldIssue = z.output<typeof FieldIssueSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z
    .string()
    .meta({ description: 'One sentence for a person: what went wrong and what to do.' }),
  details: z
    .union([z.array(FieldIssueSchema), z.record(z.string(), z.unknown())])
    .optional()
    .meta({
      description: 'validation_failed: each field and rule; other codes: facts such as the id.',
    }),
});
export type AppError = z.output<typeof AppErrorSchema>;

/** What a REST error response carries, with its HTTP status. */
export const ErrorBodySchema = z.object({ error: AppErrorSchema });
export type ErrorBody = z.output<typeof ErrorBodySchema>;

/** The always-200 envelope: `{ok:true, data}` or `{ok:false, error}`. */
export function resultEnvelope<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}

/** The envelope with its data left for the operation's own output schema to check. */
export const ResultEnvelopeSchema = resultEnvelope(z.unknown());

/** The HTTP status of each code; the body is always {"error":{code,message,details}}. */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The code of an error response that came without an {error} body (a proxy's page). */
export function errorCodeOfStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 422) return 'validation_failed';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}
