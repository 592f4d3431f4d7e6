import { z } from 'zod';
import { defineRoute, ErrorBodySchema, type ResponseDoc } from '@mindflow/shared';
import { CalendarSourceSetting } from '../accounts/user-settings.ts';
import { LoginInput, RegisterInput, UserProfileSchema } from '../http/account.route-docs.ts';

// The dashboard's routes: cookie sessions, passwords, live events, calendar and email
// tests, import and export. Declared once: the handlers parse with these schemas and
// /docs describes them from the same objects.

const error = (description: string): ResponseDoc => ({ description, schema: ErrorBodySchema });
const TEXT = { type: 'string' };

const Password = z
  .string({ error: 'new_password must be text' })
  .min(10, 'new_password must be at least 10 characters')
  .max(200, 'new_password must be at most 200 characters');

const Session = z.object({
  user: UserProfileSchema,
  csrf_token: z.string().nullable().meta({
    description:
      'Send it as X-CSRF-Token with every write made with the session cookie; null when signed in with a Bearer token.',
  }),
  has_password: z.boolean(),
});

export const SESSION_ROUTES = {
  signIn: defineRoute({
    method: 'POST',
    path: '/api/session',
    operationId: 'signIn',
    summary: 'Sign in to the dashboard',
    description:
      'Sets the HttpOnly session cookie; writes with it also need the X-CSRF-Token answered here.',
    tag: 'Accounts',
    auth: false,
    body: LoginInput,
    responses: {
      '200': {
        description: 'Signed in; the cookie is set',
        schema: Session,
        headers: [
          { name: 'Set-Cookie', description: 'mf_session (HttpOnly, SameSite=Lax)', schema: TEXT },
        ],
      },
      '401': error('The email or password is wrong'),
      default: error('An error with a stable code'),
    },
  }),
  signUp: defineRoute({
    method: 'POST',
    path: '/api/session/register',
    operationId: 'signUp',
    summary: 'Create an account and sign in to the dashboard',
    description: 'Like POST /api/auth/register, with the session cookie instead of a token.',
    tag: 'Accounts',
    auth: false,
    body: RegisterInput,
    responses: {
      '201': { description: 'Signed in; the cookie is set', schema: Session },
      '409': error('The email has an account with another password'),
      default: error('An error with a stable code'),
    },
  }),
  getSession: defineRoute({
    method: 'GET',
    path: '/api/session',
    operationId: 'getSession',
    summary: 'Who is signed in',
    description: 'The profile and the CSRF token of the session cookie.',
    tag: 'Accounts',
    auth: true,
    responses: {
      '200': { description: 'Signed in', schema: Session },
      default: error('An error with a stable code (401: not signed in)'),
    },
  }),
  signOut: defineRoute({
    method: 'DELETE',
    path: '/api/session',
    operationId: 'signOut',
    summary: 'Sign out',
    description: 'Ends this session (its token stops working) and clears the cookie.',
    tag: 'Accounts',
    auth: true,
    responses: {
      '204': { description: 'Signed out' },
      default: error('An error with a stable code'),
    },
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/me/password',
    operationId: 'changePassword',
    summary: 'Change or set your password',
    description:
      'current_password is required when the account has one. An account that `mindflow migrate` created has none: sign in with the API token migrate printed (Bearer) and set one. Other sessions end.',
    tag: 'Accounts',
    auth: true,
    body: z.strictObject({
      current_password: z.string({ error: 'current_password must be text' }).max(200).optional(),
      new_password: Password,
    }),
    responses: {
      '204': { description: 'Changed' },
      '403': error('current_password is wrong or missing'),
      default: error('An error with a stable code'),
    },
  }),
};

export const EVENTS_ROUTE = defineRoute({
  method: 'GET',
  path: '/api/events',
  operationId: 'taskEvents',
  summary: 'Live changes (Server-Sent Events)',
  description:
    'An event stream: `revision` events carry {"task_revision":n} whenever your tasks change, from any client or server instance.',
  tag: 'Live',
  auth: true,
  responses: {
    '200': { description: 'text/event-stream', contentType: 'text/event-stream' },
    default: error('An error with a stable code'),
  },
});

const ImportInput = z.discriminatedUnion(
  'source',
  [
    z.strictObject({
      source: z.literal('csv'),
      csv: z.string({ error: 'csv must be the file’s text' }).min(1, 'csv must not be empty'),
    }),
    z.strictObject({
      source: z.literal('sheet'),
      spreadsheet_id: z
        .string({ error: 'spreadsheet_id must be text' })
        .regex(/^[\w-]{10,}$/, 'spreadsheet_id must be the id from the Sheet’s address'),
      tab: z.string().max(100).default('Tasks'),
    }),
  ],
  { error: "source must be 'csv' or 'sheet'" },
);

export const DATA_ROUTES = {
  exportCsv: defineRoute({
    method: 'GET',
    path: '/api/export.csv',
    operationId: 'exportCsv',
    summary: 'Export your tasks as CSV',
    description:
      'Every task in the Tasks sheet’s layout: what import and `mindflow migrate csv:` read.',
    tag: 'Import and export',
    auth: true,
    responses: {
      '200': { description: 'The CSV file', contentType: 'text/csv' },
      default: error('An error with a stable code'),
    },
  }),
  importTasks: defineRoute({
    method: 'POST',
    path: '/api/import',
    operationId: 'importTasks',
    summary: 'Import tasks from a CSV or a Google Sheet',
    description:
      'Runs the migration (upserts by id, then verifies every field) and streams NDJSON: {"progress":{done,total}} lines, then {"report":…} or {"error":…}.',
    tag: 'Import and export',
    auth: true,
    body: ImportInput,
    responses: {
      '200': {
        description: 'application/x-ndjson progress, then the report',
        contentType: 'application/x-ndjson',
      },
      default: error('An error with a stable code'),
    },
  }),
};

export const CHECK_ROUTES = {
  testCalendar: defineRoute({
    method: 'POST',
    path: '/api/calendars/test',
    operationId: 'testCalendar',
    summary: 'Test a calendar',
    description: 'Reads the calendar for the next 7 days and says how many events it found.',
    tag: 'Plan',
    auth: true,
    body: CalendarSourceSetting,
    responses: {
      '200': {
        description: 'Read',
        schema: z.object({ events: z.number(), days: z.number() }),
      },
      '503': error('The calendar could not be read, and why'),
      default: error('An error with a stable code'),
    },
  }),
  testEmail: defineRoute({
    method: 'POST',
    path: '/api/plan/email/test',
    operationId: 'sendTestPlanEmail',
    summary: 'Send me the morning email now',
    description: 'Sends today’s plan to your address at once, whatever the schedule says.',
    tag: 'Plan',
    auth: true,
    responses: {
      '200': { description: 'Sent', schema: z.object({ sent_to: z.string() }) },
      '503': error('This server has no mailer, or the mail server refused'),
      default: error('An error with a stable code'),
    },
  }),
};
