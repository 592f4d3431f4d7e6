import type { ScriptCalls, ScriptFunctions, ScriptResult } from '@mindflow/shared';
import { asError } from './apps-script-client.ts';

/**
 * google.script.run as a dialog sees it, typed by one of shared/'s function tables
 * (DAILY_PLAN_FUNCTIONS, CONNECT_FUNCTIONS): each with…Handler returns a runner carrying
 * that handler; a server call returns nothing and later calls one handler.
 */
export type ScriptRun<F extends ScriptFunctions> = ScriptCalls<F> & {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun<F>;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun<F>;
};

/** The typed client of a dialog: one promise per server function, its answer parsed. */
export type ScriptClient<F extends ScriptFunctions> = {
  [K in keyof F]: (...args: Parameters<ScriptCalls<F>[K]>) => Promise<ScriptResult<F, K>>;
};

function pageScriptRun<F extends ScriptFunctions>(): ScriptRun<F> | undefined {
  const g = (globalThis as { google?: { script?: { run?: ScriptRun<F> } } }).google;
  return g?.script?.run;
}

/**
 * A dialog's client over `run` (default: the page's google.script.run). An answer in a shape
 * the table does not allow rejects with an Error naming the function, as does a server
 * function that threw — the dialog shows the message instead of a blank form.
 */
export function scriptClient<F extends ScriptFunctions>(
  table: F,
  run?: ScriptRun<F>,
): ScriptClient<F> {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(table)) {
    client[name] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const runner = run ?? pageScriptRun<F>();
        if (runner === undefined) {
          reject(new Error('google.script.run is missing: this page is not running in Sheets'));
          return;
        }
        const withHandlers = runner
          .withSuccessHandler((value) => {
            const parsed = table[name]!.returns.safeParse(value);
            if (parsed.success) resolve(parsed.data);
            else reject(new Error(`MindFlow answered ${name} in an unexpected shape`));
          })
          .withFailureHandler((e) => reject(asError(e)));
        (withHandlers[name] as (...a: unknown[]) => void)(...args);
      });
  }
  return client as ScriptClient<F>;
}
