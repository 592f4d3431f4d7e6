import { z } from 'zod';
import {
  ERROR_CODES,
  OPERATIONS,
  fieldIssues,
  type AppError,
  type OperationName,
  type OperationOutput,
  type Result,
} from '@mindflow/shared';
import type { SidebarContext } from './mindflow-client.ts';

// Whatever crosses google.script.run or HTTP is parsed here before a component sees it
// (house rule 2): a host that drifts from the catalogue shows a clear error, not a blank UI.

const FieldIssueShape = z.object({ field: z.string(), rule: z.string(), message: z.string() });

const ErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.union([z.array(FieldIssueShape), z.record(z.string(), z.unknown())]).optional(),
});

const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorShape }),
]);

const ContextShape = z.object({
  time_zone: z.string().min(1),
  // Session.getActiveUser().getEmail() is '' when Google withholds it; treat it as unknown.
  user: z.string().nullish(),
  sheet_url: z.string().nullish(),
});

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
  const envelope = Envelope.safeParse(raw);
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
  const parsed = ContextShape.safeParse(raw);
  if (!parsed.success) throw new Error('The sidebar context came back in an unexpected shape');
  const { time_zone, user, sheet_url } = parsed.data;
  return { time_zone, ...(user ? { user } : {}), ...(sheet_url ? { sheet_url } : {}) };
}
