import type { OperationName, OperationOutput, Result, SidebarCalls } from '@mindflow/shared';
import type { MindFlowClient } from './mindflow-client.ts';
import { readAnswer, readContext } from './read-answer.ts';

/**
 * The slice of `google.script.run` the sidebar uses. Each with…Handler returns a runner
 * carrying that handler; calling a server function on it returns nothing and later calls
 * exactly one handler, asynchronously. The server functions and their arguments are the
 * add-on's contract, SIDEBAR_FUNCTIONS in shared/ (web/README.md).
 */
export interface GoogleScriptRun extends SidebarCalls {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRun;
  withFailureHandler(handler: (error: unknown) => void): GoogleScriptRun;
}

type ServerCall = (run: GoogleScriptRun) => void;

function pageScriptRun(): GoogleScriptRun | undefined {
  const g = (globalThis as { google?: { script?: { run?: GoogleScriptRun } } }).google;
  return g?.script?.run;
}

export function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  // Apps Script hands some failures over as plain strings or {message} objects.
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  return new Error(message);
}

function invoke(run: GoogleScriptRun | undefined, call: ServerCall): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (run === undefined) {
      reject(
        new Error('google.script.run is missing: this page is not running in the Sheets sidebar'),
      );
      return;
    }
    call(run.withSuccessHandler(resolve).withFailureHandler((e) => reject(asError(e))));
  });
}

/** The Sheets sidebar's client; `run` defaults to the page's `google.script.run`. */
export function appsScriptClient(run?: GoogleScriptRun): MindFlowClient {
  const runner = () => run ?? pageScriptRun();
  return {
    async call<K extends OperationName>(
      op: K,
      input: Record<string, unknown>,
    ): Promise<Result<OperationOutput<K>>> {
      try {
        const raw = await invoke(runner(), (r) => r.runOperation(op, input));
        return readAnswer(op, raw);
      } catch (error) {
        // The failure handler fires when the server function threw or could not be reached
        // (quota, network, auth expired): a retry may work, so it is `unavailable`.
        return { ok: false, error: { code: 'unavailable', message: asError(error).message } };
      }
    },
    async context() {
      return readContext(await invoke(runner(), (r) => r.getSidebarContext()));
    },
  };
}
