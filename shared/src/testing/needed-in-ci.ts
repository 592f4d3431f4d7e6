/**
 * Whether a tool some tests need (Chromium, a PostgreSQL server) is here. Locally a missing
 * tool means those tests skip, and the caller says why; under CI (CI=true, which .ci/run
 * sets) a skip would hide a whole suite behind a green run, so it throws instead.
 */
export function neededInCi(tool: string, problem: string | null): boolean {
  if (problem === null) return true;
  if (process.env.CI && process.env.CI !== 'false') {
    throw new Error(`CI needs ${tool}, and it is missing: ${problem}`);
  }
  return false;
}
