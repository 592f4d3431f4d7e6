import { createHash, randomBytes } from 'node:crypto';

// Tokens carry 256 random bits, so a fast SHA-256 is enough to store them: unlike a
// password there is nothing to brute-force. Lookups by hash are index lookups, which also
// keeps the comparison out of JavaScript (no timing side channel on the token itself).
export const TOKEN_PREFIX = 'mf_';

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a token list shows: enough to recognise a token, never enough to use it. */
export function tokenHint(token: string): string {
  return `${TOKEN_PREFIX}…${token.slice(-4)}`;
}
