import type { sheets_v4 } from '@googleapis/sheets';

export type SheetsApi = sheets_v4.Sheets;

export interface SheetsConnection {
  /** A service-account key file; without it, Application Default Credentials. */
  credentialsFile: string | null;
  /** Another root than https://sheets.googleapis.com/ (tests: a local fake). */
  apiUrl: string | null;
}

/**
 * The official client. `rootUrl` is the documented way to aim it elsewhere, which is how
 * tests reach the local fake without touching the internet; there the fake needs no token.
 * The package is imported here, when a Sheet store opens: a static import would be hoisted
 * into the esbuild bundle and loaded by every server.
 */
export async function openSheetsApi(connection: SheetsConnection): Promise<SheetsApi> {
  const { auth, sheets } = await import('@googleapis/sheets');
  const rootUrl = connection.apiUrl ? `${connection.apiUrl.replace(/\/+$/, '')}/` : undefined;
  if (rootUrl && !connection.credentialsFile) return sheets({ version: 'v4', rootUrl });
  const client = new auth.GoogleAuth({
    ...(connection.credentialsFile ? { keyFile: connection.credentialsFile } : {}),
    scopes: ['https://www.googleapis.com/auth/spreadsheets'],
  });
  return sheets({ version: 'v4', auth: client, ...(rootUrl ? { rootUrl } : {}) });
}

/** 'Tasks' → "'Tasks'": A1 notation quotes a sheet title, doubling quotes inside it. */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
