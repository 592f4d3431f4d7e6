import { createHash } from 'node:crypto';
import { API_LABEL, ApiObject } from '../runtime/api-object.ts';

export class UserApi extends ApiObject {
  readonly [API_LABEL] = 'User';
  readonly #email: string;

  constructor(email: string) {
    super();
    this.#email = email;
  }

  /** '' when Apps Script may not reveal who is calling (anonymous web app access). */
  getEmail(): string {
    return this.#email;
  }
}

export interface SessionInfo {
  scriptTimeZone: string;
  scriptId: string;
  /** '' for an anonymous web-app visitor. */
  activeUserEmail: string;
  /** Whom the script runs as: the deployer for "execute as me" web apps and triggers. */
  effectiveUserEmail: string;
  locale: string;
}

export class SessionApi extends ApiObject {
  readonly [API_LABEL] = 'Session';
  readonly #info: SessionInfo;

  constructor(info: SessionInfo) {
    super();
    this.#info = info;
  }

  getScriptTimeZone(): string {
    return this.#info.scriptTimeZone;
  }

  getActiveUser(): UserApi {
    return new UserApi(this.#info.activeUserEmail);
  }

  getEffectiveUser(): UserApi {
    return new UserApi(this.#info.effectiveUserEmail);
  }

  getActiveUserLocale(): string {
    return this.#info.locale;
  }

  /** Stable per user and script, opaque, revealing no email (as Apps Script's is). */
  getTemporaryActiveUserKey(): string {
    const who = this.#info.activeUserEmail || this.#info.effectiveUserEmail;
    return createHash('sha256')
      .update(`${this.#info.scriptId}:${who}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
