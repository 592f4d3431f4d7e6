// What the output stream can show: how wide a table may be, and whether colour is welcome.

import { type TerminalEnv, terminalEnv } from '../config/terminal-env.ts';

export interface Terminal {
  /** Columns to fit into; null when nothing says (a pipe without COLUMNS): print it all. */
  width: number | null;
  color: boolean;
}

interface OutputStream {
  isTTY?: boolean;
  columns?: number;
  hasColors?: () => boolean;
}

type Env = TerminalEnv;

function positiveInt(text: string | undefined): number | null {
  return text !== undefined && /^[1-9]\d{0,4}$/.test(text) ? Number(text) : null;
}

export function terminalOf(stream: OutputStream, env: Env = terminalEnv()): Terminal {
  const width = stream.isTTY && stream.columns ? stream.columns : positiveInt(env.COLUMNS);
  // https://no-color.org: a non-empty NO_COLOR turns colour off whatever else says.
  const noColor = (env.NO_COLOR ?? '') !== '';
  const forced = (env.FORCE_COLOR ?? '') !== '' && env.FORCE_COLOR !== '0';
  const tty = stream.isTTY === true && (stream.hasColors?.() ?? true);
  return { width, color: !noColor && (forced || tty) };
}

export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'green';

const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39],
};

/** `text` in `style` when the terminal takes colour; as it is otherwise. */
export function paint(terminal: Terminal, style: Style | null, text: string): string {
  if (!terminal.color || style === null || text === '') return text;
  const [on, off] = SGR[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}
