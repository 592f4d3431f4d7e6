import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { listenOnFreePort } from '@mindflow/shared/testing';

export interface ReceivedMail {
  /** RCPT TO addresses. */
  to: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what it accepts,
 * parsed with mailparser, and can refuse the next messages with a given reply code.
 */
export class LocalSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Messages refused so far, with their reply code. */
  readonly refused: number[] = [];
  private rejections: { code: number; times: number } | null = null;
  private readonly server = new SMTPServer({
    authOptional: true,
    // No TLS on a loopback test server: nodemailer would otherwise upgrade and reject the
    // self-signed certificate smtp-server generates.
    hideSTARTTLS: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      void simpleParser(stream).then(
        (parsed) => {
          if (this.rejections && this.rejections.times > 0) {
            this.rejections.times--;
            this.refused.push(this.rejections.code);
            const error = Object.assign(
              new Error(`refused for the test (${this.rejections.code})`),
              {
                responseCode: this.rejections.code,
              },
            );
            return callback(error);
          }
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  /** The next `times` messages are refused with `code` (4xx: try later, 5xx: for good). */
  refuseNext(code: number, times = 1): void {
    this.rejections = { code, times };
  }

  /** Answers smtp://127.0.0.1:PORT. */
  async start(): Promise<string> {
    return `smtp://127.0.0.1:${await listenOnFreePort(this.server.server)}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Messages received per recipient. */
  countsByRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.received) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  }
}
