import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle, type LoadBundleOptions, type LoadedBundle } from './load-bundle.ts';

export interface InlineBundleOptions extends LoadBundleOptions {
  /** Extra project files (name → content), e.g. { 'page.html': '<p>…</p>' }. */
  files?: Record<string, string>;
  /** appsscript.json content; none by default (then no scopes are enforced). */
  manifest?: object;
}

/** Loads hand-written Apps Script code as if it were a built Code.js. */
export function inlineBundle(code: string, options: InlineBundleOptions = {}): LoadedBundle {
  const { files = {}, manifest, ...loadOptions } = options;
  const dir = mkdtempSync(join(tmpdir(), 'gas-emulator-'));
  writeFileSync(join(dir, 'Code.js'), code);
  if (manifest) writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return loadBundle(join(dir, 'Code.js'), loadOptions);
}
