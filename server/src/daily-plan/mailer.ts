import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per (user, date), so a rare second delivery is recognisably the same message. */
  messageId: string;
}

/** Where the morning email goes out: SMTP, or the log in development. */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  /** Resolves with the Message-ID once the server accepted it; throws MailDeliveryError. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * A send that failed. `permanent`: the server refused for good (an SMTP 5xx reply — no
 * such mailbox, relaying denied), and trying again would only be refused again. Anything
 * else (4xx, a dropped connection, a timeout) may pass later.
 */
export class MailDeliveryError extends Error {
  readonly permanent: boolean;
  readonly responseCode: number | null;
  constructor(message: string, permanent: boolean, responseCode: number | null, cause: unknown) {
    super(message, { cause });
    this.name = 'MailDeliveryError';
    this.permanent = permanent;
    this.responseCode = responseCode;
  }
}

export function deliveryError(error: unknown): MailDeliveryError {
  const e = error as { responseCode?: unknown; code?: unknown; message?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const permanent = code !== null && code >= 500 && code < 600;
  return new MailDeliveryError(message, permanent, code, error);
}

/** The domain of a From address, for Message-IDs: "MindFlow <plan@example.com>" → example.com. */
export function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

// A send must end well inside the ledger's lease (10 min), or a slow server could see the
// same day claimed again while the first send is still talking to it.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * SMTP through nodemailer, from a URL like smtps://user:pass@smtp.example.com:465. The
 * package loads with the first email, so a server that sends none never carries it.
 */
export function smtpMailer(options: { url: string; from: string }): Mailer {
  let transport: Promise<Transporter> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({
        url: options.url,
        ...SMTP_TIMEOUTS,
        // The messages are built here from text; nothing may make nodemailer read a file or URL.
        disableFileAccess: true,
        disableUrlAccess: true,
      }),
    ));
  return {
    kind: 'smtp',
    async send(email) {
      try {
        const info = await (
          await open()
        ).sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
        });
        return { messageId: info.messageId || email.messageId };
      } catch (error) {
        throw deliveryError(error);
      }
    },
    close: () => void transport?.then((t) => t.close()),
  };
}

/** MAILER=log: writes what would be sent to the log, for development without SMTP. */
export function logMailer(logger: Logger, from: string): Mailer {
  return {
    kind: 'log',
    send(email) {
      logger.info(
        { mail: { from, to: email.to, subject: email.subject, messageId: email.messageId } },
        `plan email (MAILER=log, not sent):\n${email.text}`,
      );
      return Promise.resolve({ messageId: email.messageId });
    },
    close: () => undefined,
  };
}
