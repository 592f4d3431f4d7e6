// JSON of values that cannot change, made once. A server holding tasks in memory hands the
// same frozen task to every page and answer that shows it; serialising it again for each
// of them was most of what a list page cost once its tasks were in memory.

const made = new WeakMap<object, string>();

/**
 * Plain data frozen all the way down: nothing reachable from it can change its JSON. (A
 * frozen Date, say, still changes through setTime, so only plain objects and arrays count.)
 */
function deeplyFrozen(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  if (!Object.isFrozen(value)) return false;
  for (const v of Object.values(value)) {
    if (typeof v === 'object' && v !== null && !deeplyFrozen(v as object)) return false;
  }
  return true;
}

/** JSON.stringify(value), remembered for a deeply frozen object or array. */
export function jsonOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const known = made.get(value);
  if (known !== undefined) return known;
  const json = JSON.stringify(value);
  if (deeplyFrozen(value)) made.set(value, json);
  return json;
}

/**
 * Whether jsonOf has remembered the value's JSON: it is deeply frozen, so the same object
 * has the same JSON for as long as it lives, and an unchanged object means unchanged JSON.
 */
export function hasFixedJson(value: object): boolean {
  return made.has(value);
}
