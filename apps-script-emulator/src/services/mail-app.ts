import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';
import type { EmulatorClock } from '../clock.ts';

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  sentAt: Date;
}

// Consumer accounts may email 100 recipients a day.
export const DEFAULT_DAILY_RECIPIENTS = 100;

/** The outbox and the day's remaining recipient quota. */
export class MailState {
  readonly sent: SentMail[] = [];
  remainingDailyQuota = DEFAULT_DAILY_RECIPIENTS;

  resetQuota(recipients = DEFAULT_DAILY_RECIPIENTS): void {
    this.remainingDailyQuota = recipients;
  }
}

interface MessageFields {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
}

const addresses = (value: unknown): string[] =>
  value === undefined || value === null
    ? []
    : String(value)
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '');

const optional = (value: unknown): string | null =>
  value === undefined || value === null ? null : String(value);

export class MailAppApi extends ApiObject {
  readonly [API_LABEL] = 'MailApp';
  readonly #state: MailState;
  readonly #clock: EmulatorClock;

  constructor(state: MailState, clock: EmulatorClock) {
    super();
    this.#state = state;
    this.#clock = clock;
  }

  getRemainingDailyQuota(): number {
    return this.#state.remainingDailyQuota;
  }

  /** sendEmail(message) | (recipient, subject, body[, options]) | (to, replyTo, subject, body). */
  sendEmail(first: unknown, second?: unknown, third?: unknown, fourth?: unknown): void {
    let fields: MessageFields;
    if (typeof first === 'object' && first !== null) fields = first as MessageFields;
    else if (typeof fourth === 'string')
      fields = { to: first, replyTo: second, subject: third, body: fourth };
    else
      fields = {
        ...(fourth as MessageFields | undefined),
        to: first,
        subject: second,
        body: third,
      };
    this.#send(fields);
  }

  #send(fields: MessageFields): void {
    const to = addresses(fields.to);
    const cc = addresses(fields.cc);
    const bcc = addresses(fields.bcc);
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw new ServiceError('Failed to send email: no recipient');
    if (recipients > this.#state.remainingDailyQuota) {
      throw new ServiceError('Service invoked too many times for one day: email.');
    }
    this.#state.remainingDailyQuota -= recipients;
    this.#state.sent.push({
      to,
      cc,
      bcc,
      subject: String(fields.subject ?? ''),
      body: String(fields.body ?? ''),
      htmlBody: optional(fields.htmlBody),
      name: optional(fields.name),
      replyTo: optional(fields.replyTo),
      sentAt: new Date(this.#clock.now()),
    });
  }
}
