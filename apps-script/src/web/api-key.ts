/** Script Properties key of the web app's API key (created by Set up, rotatable). */
export const API_KEY_PROPERTY = 'API_KEY';

/**
 * Compares in time that depends only on the lengths, never on where the strings differ, so
 * the key cannot be guessed one character at a time from response times.
 */
export function constantTimeEquals(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** 64 hex digits from two random v4 UUIDs (244 random bits), prefixed so people recognise it. */
export function newApiKey(): string {
  const random = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  return `mf_${random}`;
}

export function rotateStoredApiKey(): string {
  const key = newApiKey();
  PropertiesService.getScriptProperties().setProperty(API_KEY_PROPERTY, key);
  return key;
}

/** The stored key, created on first use (Set up and the Connect dialog call this). */
export function ensureApiKey(): string {
  const existing = PropertiesService.getScriptProperties().getProperty(API_KEY_PROPERTY);
  return existing ?? rotateStoredApiKey();
}
