import { z } from 'zod';
import { OPERATION_NAMES, type OperationName } from '../catalogue/operations.ts';
import { fail, validationFailed, type Result } from '../service/result.ts';
import { fieldIssues } from '../service/validation.ts';
import { ResultEnvelopeSchema } from './error-envelope.ts';

// The add-on's server functions the sidebar calls through google.script.run: their
// arguments and answers, read by the add-on (which parses what arrives) and by the
// sidebar's client (whose calls are typed from this table and which parses the answers).

export const OperationNameSchema = z.enum(OPERATION_NAMES as [OperationName, ...OperationName[]]);

/**
 * Where the sidebar runs. On the wire `user` is null when Google withholds the email
 * (it needs the userinfo scope, which nothing else needs); the sidebar sees it left out.
 */
export const SidebarContextSchema = z
  .object({
    time_zone: z
      .string()
      .min(1)
      .meta({ description: 'The Sheet’s IANA zone: "today" is read in it.' }),
    user: z.string().nullish(),
    sheet_url: z.string().nullish(),
  })
  .transform(({ time_zone, user, sheet_url }) => ({
    time_zone,
    ...(user ? { user } : {}),
    ...(sheet_url ? { sheet_url } : {}),
  }));
/** What the add-on sends. */
export type SidebarContextWire = z.input<typeof SidebarContextSchema>;
/** What the sidebar reads. */
export type SidebarContext = z.output<typeof SidebarContextSchema>;

interface SidebarFunction {
  /** The arguments' names, in order, for error messages. */
  params: readonly string[];
  args: z.ZodTuple;
  returns: z.ZodType;
}

export const SIDEBAR_FUNCTIONS = {
  /** Any catalogue operation, answered with the Result envelope (never a throw). */
  runOperation: {
    params: ['op', 'input'],
    args: z.tuple([
      OperationNameSchema,
      z.record(z.string(), z.unknown(), { error: 'input must be an object' }),
    ]),
    returns: ResultEnvelopeSchema,
  },
  getSidebarContext: { params: [], args: z.tuple([]), returns: SidebarContextSchema },
} as const satisfies Record<string, SidebarFunction>;

export type SidebarFunctionName = keyof typeof SIDEBAR_FUNCTIONS;
type Fn<K extends SidebarFunctionName> = (typeof SIDEBAR_FUNCTIONS)[K];

/** How the page calls them: google.script.run returns nothing and answers a handler later. */
export type SidebarCalls = {
  [K in SidebarFunctionName]: (...args: z.input<Fn<K>['args']>) => void;
};
/** What the add-on answers each with, as it goes on the wire. */
export type SidebarAnswer<K extends SidebarFunctionName> = z.input<Fn<K>['returns']>;
export const SIDEBAR_FUNCTION_NAMES = Object.keys(SIDEBAR_FUNCTIONS) as SidebarFunctionName[];

/** The arguments of a call as the add-on received them, checked, or which one is wrong. */
export function readSidebarArgs<K extends SidebarFunctionName>(
  name: K,
  args: readonly unknown[],
): Result<z.output<Fn<K>['args']>> {
  const fn: SidebarFunction = SIDEBAR_FUNCTIONS[name];
  const parsed = fn.args.safeParse(args);
  if (parsed.success) return { ok: true, data: parsed.data as z.output<Fn<K>['args']> };
  const issues = fieldIssues(parsed.error).map((issue) => {
    const [index, ...rest] = issue.field.split('.');
    const param = fn.params[Number(index)] ?? `argument ${index}`;
    const field = [param, ...rest].join('.');
    return { ...issue, field, message: issue.message.replace(/^[\d.]+: /, `${field}: `) };
  });
  return issues.length > 0
    ? validationFailed(issues)
    : fail('validation_failed', `bad call to ${name}`);
}
