import { z } from 'zod';
import { defineRoute, ErrorBodySchema, type ResponseDoc } from '@mindflow/shared';
import { TimeZoneName, UserSettings } from '../accounts/user-settings.ts';
import { ConnectedAppSchema } from '../oauth/oauth.route-docs.ts';

// What the account routes take and answer, declared once: their handlers parse with these
// schemas and /docs describes them from the same objects.

const Email = z
  .email({ error: 'email must be an email address' })
  .max(254, 'email must be at most 254 characters')
  .transform((e) => e.toLowerCase());
const Password = z
  .string({ error: 'password must be text' })
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters');

export const RegisterInput = z.strictObject({
  email: Email,
  password: Password,
  time_zone: TimeZoneName.optional(),
});
export const LoginInput = z.strictObject({
  email: z.string({ error: 'email must be text' }).max(254),
  password: z.string({ error: 'password must be text' }).max(200),
});
export const TokenInput = z.strictObject({
  name: z
    .string({ error: 'name must be text' })
    .trim()
    .min(1, 'name must not be empty')
    .max(100, 'name must be at most 100 characters')
    .default('API token'),
});

export const UserProfileSchema = z.object({
  id: z.string(),
  email: z.string(),
  created_at: z.string(),
  ...UserSettings.shape,
});
const SignedIn = z.object({
  user: UserProfileSchema,
  token: z.string().meta({ description: 'A session token: send it as Authorization: Bearer …' }),
});
const TokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  hint: z.string().meta({ description: 'mf_… and its last four characters.' }),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});

const error = (description: string): ResponseDoc => ({ description, schema: ErrorBodySchema });
const TEXT = { type: 'string' };

export const AUTH_ROUTES = {
  register: defineRoute({
    method: 'POST',
    path: '/api/auth/register',
    operationId: 'register',
    summary: 'Create an account',
    description:
      'Create an account and sign in. Registering again with the same email and password signs in.',
    tag: 'Accounts',
    auth: false,
    body: RegisterInput,
    responses: {
      '201': {
        description: 'Signed in',
        schema: SignedIn,
        headers: [{ name: 'Location', description: 'The profile: /api/me', schema: TEXT }],
      },
      '409': error('The email has an account with another password'),
      default: error('An error with a stable code'),
    },
  }),
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    operationId: 'login',
    summary: 'Sign in',
    description: 'Exchange an email and password for a session token.',
    tag: 'Accounts',
    auth: false,
    body: LoginInput,
    responses: {
      '200': { description: 'Signed in', schema: SignedIn },
      '401': error('The email or password is wrong'),
      default: error('An error with a stable code'),
    },
  }),
};

export const ACCOUNT_ROUTES = {
  getMe: defineRoute({
    method: 'GET',
    path: '/api/me',
    operationId: 'getMe',
    summary: 'Your profile and settings',
    description:
      'Email, time zone, working hours and days, the morning email, calendars, connected apps.',
    tag: 'Accounts',
    auth: true,
    responses: {
      '200': {
        description: 'The profile, with the apps connected through OAuth',
        schema: UserProfileSchema.extend({ connected_apps: z.array(ConnectedAppSchema) }),
      },
      default: error('An error with a stable code'),
    },
  }),
  patchMe: defineRoute({
    method: 'PATCH',
    path: '/api/me',
    operationId: 'updateMe',
    summary: 'Change your settings',
    description:
      'Change any of the settings; the others stay. daily_plan is merged, so {"daily_plan":{"enabled":true}} keeps the time.',
    tag: 'Accounts',
    auth: true,
    body: UserSettings.partial(),
    responses: {
      '200': { description: 'The profile as changed', schema: UserProfileSchema },
      default: error('An error with a stable code: each bad field and rule'),
    },
  }),
  createToken: defineRoute({
    method: 'POST',
    path: '/api/tokens',
    operationId: 'createToken',
    summary: 'Make a personal API token',
    description:
      'A token for a Custom GPT or a script, shown once in this answer and stored only as a hash. ' +
      'An account holds at most 100 (MAX_TOKENS_PER_USER); revoke one to make room.',
    tag: 'Accounts',
    auth: true,
    body: TokenInput,
    responses: {
      '201': {
        description: 'The token, shown this once',
        schema: TokenInfo.extend({ token: z.string() }),
        headers: [{ name: 'Location', description: 'The token, to revoke it', schema: TEXT }],
      },
      '409': error('The account already has MAX_TOKENS_PER_USER (default 100) API tokens'),
      default: error('An error with a stable code'),
    },
  }),
  listTokens: defineRoute({
    method: 'GET',
    path: '/api/tokens',
    operationId: 'listTokens',
    summary: 'Your personal API tokens',
    description: 'Every live token, without its secret.',
    tag: 'Accounts',
    auth: true,
    responses: {
      '200': { description: 'The tokens', schema: z.object({ tokens: z.array(TokenInfo) }) },
      default: error('An error with a stable code'),
    },
  }),
  revokeToken: defineRoute({
    method: 'DELETE',
    path: '/api/tokens/:id',
    operationId: 'revokeToken',
    summary: 'Revoke a token',
    description: 'The token stops working at once.',
    tag: 'Accounts',
    auth: true,
    params: z.object({ id: z.string().max(100) }),
    responses: {
      '204': { description: 'Revoked' },
      '404': error('No such token of yours'),
      default: error('An error with a stable code'),
    },
  }),
};
