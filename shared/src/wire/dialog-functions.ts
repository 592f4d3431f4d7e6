import { z } from 'zod';
import { PlanSettingsSchema } from '../planner/plan-settings.ts';
import { fail, validationFailed, type Result } from '../service/result.ts';
import { fieldIssues } from '../service/validation.ts';
import { ResultEnvelopeSchema } from './error-envelope.ts';

// The add-on's server functions its two dialogs call through google.script.run — Daily plan
// settings and Connect — with their arguments and answers, like SIDEBAR_FUNCTIONS for the
// sidebar: the add-on parses what arrives with them, the dialogs' typed client parses what
// comes back, so neither side trusts the other's shapes.

/** One server function: its parameters' names (for messages), arguments and answer. */
export interface ScriptFunction {
  params: readonly string[];
  args: z.ZodTuple;
  returns: z.ZodType;
}
export type ScriptFunctions = Record<string, ScriptFunction>;

/** How a page calls them: google.script.run returns nothing and answers a handler later. */
export type ScriptCalls<F extends ScriptFunctions> = {
  [K in keyof F]: (...args: z.input<F[K]['args']>) => void;
};
/** What the add-on answers with, as it goes on the wire. */
export type ScriptAnswer<F extends ScriptFunctions, K extends keyof F> = z.input<F[K]['returns']>;
/** What the page reads, once parsed. */
export type ScriptResult<F extends ScriptFunctions, K extends keyof F> = z.output<F[K]['returns']>;

/** The arguments of a call as the add-on received them, checked, or which one is wrong. */
export function readScriptArgs<F extends ScriptFunctions, K extends keyof F & string>(
  table: F,
  name: K,
  args: readonly unknown[],
): Result<z.output<F[K]['args']>> {
  const fn = table[name] as ScriptFunction;
  // reportInput: a wrong type is told apart from a missing argument.
  const parsed = fn.args.safeParse(args, { reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data as z.output<F[K]['args']> };
  const issues = fieldIssues(parsed.error).map((issue) => {
    const [index, ...rest] = issue.field.split('.');
    const param = fn.params[Number(index)] ?? `argument ${index}`;
    const field = [param, ...rest].join('.');
    // "0: url must be text" → "url must be text"; "0 is required" → "url is required".
    const text = issue.message.replace(/^[\d.]+(: )?/, '');
    const message = text.startsWith(param)
      ? text
      : `${field}${issue.message.startsWith(`${issue.field}: `) ? ': ' : ''}${text}`;
    return { ...issue, field, message };
  });
  return issues.length > 0
    ? validationFailed(issues)
    : fail('validation_failed', `bad call to ${name}`);
}

// ─── Daily plan settings ────────────────────────────────────────────────────────────────

/** Time-driven triggers run within ±15 minutes of nearMinute, so finer choices would be a promise we cannot keep. */
export const SEND_MINUTES = [0, 15, 30, 45] as const;
/** Calendars read for one plan: each is one CalendarApp call, and the trigger has 6 minutes. */
export const MAX_CALENDARS = 20;

// Google's calendar ids are an address-like string well under 255 characters; the bound
// keeps 20 of them inside Properties' 9 kB per value.
const CalendarId = z.string().trim().min(1, 'a calendar id cannot be empty').max(255);

/** The morning email's settings: the planner's profile plus when to send and which calendars. */
export const DailyPlanSettingsSchema = PlanSettingsSchema.extend({
  /** Off until the user turns it on: an email nobody asked for is spam. */
  enabled: z.boolean().default(false),
  /** Local hour of the spreadsheet's zone. */
  hour: z.int().min(0).max(23).default(7),
  minute: z.literal(SEND_MINUTES, { error: 'minute must be 0, 15, 30 or 45' }).default(30),
  /** Read besides the default calendar, which is always read. */
  calendar_ids: z
    .array(CalendarId)
    .max(MAX_CALENDARS, `choose at most ${MAX_CALENDARS} calendars`)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});
export type DailyPlanSettings = z.output<typeof DailyPlanSettingsSchema>;

export const CalendarChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  primary: z.boolean(),
  /** Chosen earlier but no longer among the user's calendars. */
  missing: z.literal(true).optional(),
});
export type CalendarChoice = z.infer<typeof CalendarChoiceSchema>;

/** What the Daily plan settings dialog shows. */
export const DailyPlanDialogStateSchema = z.object({
  settings: DailyPlanSettingsSchema,
  calendars: z.array(CalendarChoiceSchema),
  /** The Sheet's zone: the hour is read in it. */
  time_zone: z.string(),
  /** Where the email goes: the user at the keyboard, who installs the trigger. */
  recipient: z.string(),
  /** Whether this user's daily trigger is installed. */
  scheduled: z.boolean(),
  last_sent: z.string().nullable(),
  notices: z.array(z.string()),
});
export type DailyPlanDialogState = z.output<typeof DailyPlanDialogStateSchema>;
export type DailyPlanDialogStateWire = z.input<typeof DailyPlanDialogStateSchema>;

export const DeliveryReportSchema = z.object({
  status: z.enum(['sent', 'skipped', 'failed']),
  /** The local date of the plan, in the Sheet's zone. */
  date: z.string(),
  /** One sentence for the dialog and for _log. */
  message: z.string(),
  to: z.string().optional(),
  subject: z.string().optional(),
});
export type DeliveryReport = z.infer<typeof DeliveryReportSchema>;

/** A Result envelope whose data is `data`: what saveDailyPlanSettings answers. */
const resultOf = <T extends z.ZodType>(data: T) =>
  z.union([
    z.object({ ok: z.literal(true), data }),
    ResultEnvelopeSchema.refine((r) => !r.ok, 'an error envelope'),
  ]);

export const DAILY_PLAN_FUNCTIONS = {
  getDailyPlanSettings: { params: [], args: z.tuple([]), returns: DailyPlanDialogStateSchema },
  /** Validates (every problem names its field) and stores; a refusal is a validation_failed envelope. */
  saveDailyPlanSettings: {
    params: ['settings'],
    args: z.tuple([z.unknown()]),
    returns: resultOf(DailyPlanDialogStateSchema),
  },
  sendTestDailyPlan: { params: [], args: z.tuple([]), returns: DeliveryReportSchema },
} as const satisfies ScriptFunctions;
export type DailyPlanFunctions = typeof DAILY_PLAN_FUNCTIONS;

// ─── Connect ────────────────────────────────────────────────────────────────────────────

/** What the Connect dialog shows: both routes from ChatGPT (and other assistants) to this Sheet. */
export const ConnectInfoSchema = z.object({
  /** The add-on's web app /exec URL, the Custom GPT's server. */
  url: z.string().nullable(),
  /** False when the URL is missing or not a deployed /exec URL. */
  deployed: z.boolean(),
  key: z.string(),
  /** The OpenAPI schema to paste into the GPT's action; null until the web app URL is known. */
  schema: z.string().nullable(),
  instructions: z.string(),
  instructions_version: z.string(),
  /** The hosted MindFlow server on this Sheet (STORE=sheets), when the user gave its address. */
  server_url: z.string().nullable(),
  /** `${server_url}/mcp`: the one URL to paste into ChatGPT, Claude or Cursor. */
  mcp_url: z.string().nullable(),
  /** This Sheet's id: the server's SPREADSHEET_ID, so both routes change the same tasks. */
  spreadsheet_id: z.string().nullable(),
});
export type ConnectInfo = z.output<typeof ConnectInfoSchema>;

export const CONNECT_FUNCTIONS = {
  getConnectInfo: { params: [], args: z.tuple([]), returns: ConnectInfoSchema },
  /** Replaces the API key; the GPT's schema must be pasted again. */
  rotateApiKey: { params: [], args: z.tuple([]), returns: ConnectInfoSchema },
  /** The /exec URL from Deploy › Manage deployments; '' forgets it. */
  setWebAppUrl: {
    params: ['url'],
    args: z.tuple([z.string({ error: 'url must be text' })]),
    returns: ConnectInfoSchema,
  },
  /** The hosted server's https address; '' forgets it. */
  setServerUrl: {
    params: ['url'],
    args: z.tuple([z.string({ error: 'url must be text' })]),
    returns: ConnectInfoSchema,
  },
} as const satisfies ScriptFunctions;
export type ConnectFunctions = typeof CONNECT_FUNCTIONS;
