import { format } from 'node:util';
import { API_LABEL, ApiObject } from '../runtime/api-object.ts';

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  /** Which execution wrote it. */
  executionId: string;
}

/** Everything the script logged through Logger or console, in order. */
export class LogBook {
  readonly lines: LogLine[] = [];
  /** Echo lines to the test's stdout as well (off by default, to keep test output clean). */
  echo = false;

  write(line: LogLine): void {
    this.lines.push(line);
    if (this.echo) process.stdout.write(`[apps-script ${line.level}] ${line.message}\n`);
  }

  messages(): string[] {
    return this.lines.map((l) => l.message);
  }
}

export class LoggerApi extends ApiObject {
  readonly [API_LABEL] = 'Logger';
  readonly #book: LogBook;
  readonly #executionId: string;
  readonly #own: string[] = [];

  constructor(book: LogBook, executionId: string) {
    super();
    this.#book = book;
    this.#executionId = executionId;
  }

  /** Logger.log(format, ...values) substitutes %s like Apps Script's. */
  log(data: unknown, ...values: unknown[]): this {
    const message = values.length > 0 ? format(String(data), ...values) : String(data);
    this.#own.push(message);
    this.#book.write({ level: 'log', message, executionId: this.#executionId });
    return this;
  }

  getLog(): string {
    return this.#own.join('\n');
  }

  clear(): void {
    this.#own.length = 0;
  }
}

/** The console global of one execution (Apps Script's V8 console, recorded). */
export function createConsole(
  book: LogBook,
  executionId: string,
): Record<LogLine['level'], (...args: unknown[]) => void> {
  const writer =
    (level: LogLine['level']) =>
    (...args: unknown[]) =>
      book.write({ level, message: format(...args), executionId });
  return {
    log: writer('log'),
    info: writer('info'),
    warn: writer('warn'),
    error: writer('error'),
    debug: writer('debug'),
  };
}
