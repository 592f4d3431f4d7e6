import type { GoogleScriptRun } from '../src/client/apps-script-client.ts';

/** The server functions an Apps Script project exposes to google.script.run. */
export type ServerFunctions = Record<string, (...args: never[]) => unknown>;

/**
 * google.script.run as the HtmlService page sees it, over plain functions: every
 * with…Handler returns a new runner carrying the handlers so far; a server call returns
 * undefined at once and later calls one handler from a task of its own; arguments and
 * results cross as JSON (Apps Script drops functions and turns Dates into null — so do
 * we, near enough); a function that throws reaches the failure handler as an Error.
 */
export function fakeGoogleScriptRun(server: ServerFunctions): GoogleScriptRun {
  function runner(onSuccess?: (value: unknown) => void, onFailure?: (error: unknown) => void) {
    const run: Record<string, unknown> = {
      withSuccessHandler: (handler: (value: unknown) => void) => runner(handler, onFailure),
      withFailureHandler: (handler: (error: unknown) => void) => runner(onSuccess, handler),
    };
    for (const [name, fn] of Object.entries(server)) {
      run[name] = (...args: unknown[]): void => {
        const wire = JSON.parse(JSON.stringify(args)) as never[];
        setTimeout(() => {
          let result: unknown;
          try {
            result = fn(...wire);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onFailure?.(new Error(message));
            return;
          }
          onSuccess?.(result === undefined ? undefined : JSON.parse(JSON.stringify(result)));
        }, 0);
      };
    }
    return run as unknown as GoogleScriptRun;
  }
  return runner();
}
