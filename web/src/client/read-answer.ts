import {
  OPERATIONS,
  ResultEnvelopeSchema,
  SidebarContextSchema,
  fieldIssues,
  type AppError,
  type OperationName,
  type OperationOutput,
  type Result,
  type SidebarContext,
} from '@mindflow/shared';

// Whatever crosses google.script.run or HTTP is parsed here before a component sees it
// (house rule 2), with the wire's own schemas from shared/: a host that drifts from the
// catalogue shows a clear error, not a blank UI.

export function unexpectedAnswer<T>(what: string, details?: AppError['details']): Result<T> {
  const error: AppError = {
    code: 'internal',
    message: `MindFlow answered ${what} in an unexpected shape`,
  };
  return { ok: false, error: details === undefined ? error : { ...error, details } };
}

/** An `{ok, data}` / `{ok:false, error}` envelope for `op`, checked against the catalogue. */
export function readAnswer<K extends OperationName>(
  op: K,
  raw: unknown,
): Result<OperationOutput<K>> {
  const envelope = ResultEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return unexpectedAnswer(op);
  if (!envelope.data.ok) {
    const { code, message, details } = envelope.data.error;
    return {
      ok: false,
      error: details === undefined ? { code, message } : { code, message, details },
    };
  }
  const data = OPERATIONS[op].output.safeParse(envelope.data.data);
  if (!data.success) return unexpectedAnswer(op, fieldIssues(data.error));
  // The output schemas have no transforms, so the parsed value is also their input type.
  return { ok: true, data: data.data as OperationOutput<K> };
}

export function readContext(raw: unknown): SidebarContext {
  const parsed = SidebarContextSchema.safeParse(raw);
  if (!parsed.success) throw new Error('The sidebar context came back in an unexpected shape');
  return parsed.data;
}
