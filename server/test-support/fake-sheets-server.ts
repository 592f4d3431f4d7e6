import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnFreePort } from '@mindflow/shared/testing';

// A local stand-in for the Sheets v4 REST API, for the parts MindFlow uses: spreadsheets.get,
// spreadsheets.batchUpdate (addSheet, deleteDimension), values.get / update / append /
// batchUpdate. It behaves like the real API where the code depends on it: A1 ranges with
// quoted titles, trailing empty cells and rows omitted from reads, RAW vs USER_ENTERED input
// (USER_ENTERED turns "0042" into 42, "TRUE" into true and "=…" into a formula), append
// after the last row of the table, Google's error shape, and a rejected unknown tab.

type Value = string | number | boolean;
interface Sheet {
  sheetId: number;
  title: string;
  rows: Value[][];
}
interface Spreadsheet {
  timeZone: string;
  sheets: Sheet[];
}

class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 404: 'NOT_FOUND' };

function colNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

export class FakeSheetsServer {
  readonly spreadsheets = new Map<string, Spreadsheet>();
  requests = 0;
  private server: Server | null = null;
  private nextSheetId = 1;

  /** A spreadsheet with one tab per name, optionally pre-filled (rows of cells). */
  addSpreadsheet(id: string, tabs: Record<string, Value[][]> = {}, timeZone = 'UTC'): void {
    this.spreadsheets.set(id, {
      timeZone,
      sheets: Object.entries(tabs).map(([title, rows]) => ({
        sheetId: this.nextSheetId++,
        title,
        rows,
      })),
    });
  }

  tab(spreadsheetId: string, title: string): Value[][] | undefined {
    return this.spreadsheets.get(spreadsheetId)?.sheets.find((s) => s.title === title)?.rows;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    return `http://127.0.0.1:${await listenOnFreePort(this.server)}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    try {
      const body = this.route(
        req.method ?? 'GET',
        url,
        text ? (JSON.parse(text) as Record<string, unknown>) : {},
      );
      res
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(body));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 500;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(
        JSON.stringify({
          error: {
            code: status,
            message: (error as Error).message,
            status: STATUS_NAMES[status] ?? 'INTERNAL',
          },
        }),
      );
    }
  }

  private book(id: string): Spreadsheet {
    const book = this.spreadsheets.get(decodeURIComponent(id));
    if (!book) throw new ApiError(404, 'Requested entity was not found.');
    return book;
  }

  private route(method: string, url: URL, body: Record<string, unknown>): unknown {
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)$/.exec(path)) && method === 'GET') {
      const book = this.book(m[1]!);
      return {
        spreadsheetId: decodeURIComponent(m[1]!),
        properties: { title: 'MindFlow', timeZone: book.timeZone },
        sheets: book.sheets.map((s, index) => ({
          properties: {
            sheetId: s.sheetId,
            title: s.title,
            index,
            sheetType: 'GRID',
            gridProperties: { rowCount: Math.max(1000, s.rows.length), columnCount: 26 },
          },
        })),
      };
    }
    if ((m = /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/.exec(path)) && method === 'POST') {
      return this.batchUpdate(m[1]!, body);
    }
    if (
      (m = /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/.exec(path)) &&
      method === 'POST'
    ) {
      const book = this.book(m[1]!);
      const option = this.inputOption(String(body.valueInputOption ?? ''));
      const data = (body.data ?? []) as { range: string; values: unknown[][] }[];
      for (const d of data) this.write(book, d.range, d.values, option);
      return {
        spreadsheetId: m[1],
        totalUpdatedRows: data.reduce((n, d) => n + d.values.length, 0),
      };
    }
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+?)(:append)?$/.exec(path))) {
      const book = this.book(m[1]!);
      const range = decodeURIComponent(m[2]!);
      if (m[3] === ':append' && method === 'POST') {
        const option = this.inputOption(url.searchParams.get('valueInputOption') ?? '');
        const { sheet } = this.parseRange(book, range);
        const last = sheet.rows.reduce((at, row, i) => (row.some((v) => v !== '') ? i + 1 : at), 0);
        const values = (body.values ?? []) as unknown[][];
        this.write(book, `'${sheet.title.replace(/'/g, "''")}'!A${last + 1}`, values, option);
        return {
          spreadsheetId: m[1],
          tableRange: `${sheet.title}!A1`,
          updates: { updatedRows: values.length },
        };
      }
      if (method === 'GET')
        return this.read(book, range, url.searchParams.get('valueRenderOption'));
      if (method === 'PUT') {
        const option = this.inputOption(url.searchParams.get('valueInputOption') ?? '');
        const values = (body.values ?? []) as unknown[][];
        this.write(book, range, values, option);
        return { spreadsheetId: m[1], updatedRange: range, updatedRows: values.length };
      }
    }
    throw new ApiError(404, `No route ${method} ${path}`);
  }

  private inputOption(option: string): 'RAW' | 'USER_ENTERED' {
    if (option !== 'RAW' && option !== 'USER_ENTERED') {
      throw new ApiError(400, "Invalid valueInputOption: must be 'RAW' or 'USER_ENTERED'");
    }
    return option;
  }

  private batchUpdate(id: string, body: Record<string, unknown>): unknown {
    const book = this.book(id);
    const replies: unknown[] = [];
    for (const request of (body.requests ?? []) as Record<string, Record<string, unknown>>[]) {
      if (request.addSheet) {
        const title = String(
          (request.addSheet.properties as { title?: string } | undefined)?.title ??
            `Sheet${this.nextSheetId}`,
        );
        if (book.sheets.some((s) => s.title === title)) {
          throw new ApiError(
            400,
            `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists.`,
          );
        }
        const sheet = { sheetId: this.nextSheetId++, title, rows: [] };
        book.sheets.push(sheet);
        replies.push({
          addSheet: {
            properties: { sheetId: sheet.sheetId, title, index: book.sheets.length - 1 },
          },
        });
      } else if (request.deleteDimension) {
        const r = request.deleteDimension.range as {
          sheetId: number;
          dimension: string;
          startIndex: number;
          endIndex: number;
        };
        const sheet = book.sheets.find((s) => s.sheetId === r.sheetId);
        if (!sheet) throw new ApiError(400, `No grid with id: ${r.sheetId}`);
        if (r.dimension !== 'ROWS') throw new ApiError(400, 'Only ROWS are supported by this fake');
        sheet.rows.splice(r.startIndex, r.endIndex - r.startIndex);
        replies.push({});
      } else {
        throw new ApiError(400, `Unsupported request ${Object.keys(request).join(', ')}`);
      }
    }
    return { spreadsheetId: id, replies };
  }

  /** 'Tab'!A2:N2, Tab!A1, 'It''s' … → the sheet and the top-left cell (0-based). */
  private parseRange(book: Spreadsheet, range: string): { sheet: Sheet; row: number; col: number } {
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))(?:!([A-Z]+)(\d+)(?::[A-Z]+\d*)?)?$/.exec(range);
    const title = m ? (m[1]?.replace(/''/g, "'") ?? m[2]!) : null;
    const sheet = title === null ? undefined : book.sheets.find((s) => s.title === title);
    if (!m || !sheet) throw new ApiError(400, `Unable to parse range: ${range}`);
    return { sheet, row: m[4] ? Number(m[4]) - 1 : 0, col: m[3] ? colNumber(m[3]) - 1 : 0 };
  }

  private read(book: Spreadsheet, range: string, render: string | null): unknown {
    const { sheet } = this.parseRange(book, range);
    // The real API drops trailing empty cells of each row and trailing empty rows.
    const rows = sheet.rows.map((row) => {
      const out = row.map((v) =>
        render === 'UNFORMATTED_VALUE' || typeof v === 'string' ? v : String(v),
      );
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      return out;
    });
    while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
    return { range, majorDimension: 'ROWS', ...(rows.length > 0 ? { values: rows } : {}) };
  }

  private write(
    book: Spreadsheet,
    range: string,
    values: unknown[][],
    option: 'RAW' | 'USER_ENTERED',
  ): void {
    const { sheet, row, col } = this.parseRange(book, range);
    values.forEach((cells, i) => {
      const target = (sheet.rows[row + i] ??= []);
      cells.forEach((cell, j) => {
        while (target.length < col + j) target.push('');
        target[col + j] = this.interpret(cell, option);
      });
    });
    for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
  }

  private interpret(cell: unknown, option: 'RAW' | 'USER_ENTERED'): Value {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
    const s = String(cell);
    if (option === 'RAW') return s;
    if (s.startsWith('=')) return '#ERROR!';
    if (/^[+-]?\d+(\.\d+)?$/.test(s)) return Number(s);
    if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
    return s;
  }
}
