// The variables every terminal program honours, read as they are: TZ (the machine's zone),
// COLUMNS (table width when stdout is a pipe), NO_COLOR and FORCE_COLOR. The CLI reads them
// here rather than through env.ts, whose validation is the server's boot and would cost every
// `mindflow --help` its imports.

export interface TerminalEnv {
  readonly TZ?: string | undefined;
  readonly COLUMNS?: string | undefined;
  readonly NO_COLOR?: string | undefined;
  readonly FORCE_COLOR?: string | undefined;
}

export function terminalEnv(): TerminalEnv {
  const { TZ, COLUMNS, NO_COLOR, FORCE_COLOR } = process.env;
  return { TZ, COLUMNS, NO_COLOR, FORCE_COLOR };
}
