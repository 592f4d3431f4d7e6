import vm from 'node:vm';
import type { ScriptRealm } from './bridge.ts';

/**
 * Replaces the realm's Date with one that reads the emulator clock: `new Date()`, `Date()` and
 * `Date.now()` report the clock, everything else is the realm's own Date (same prototype, so
 * `instanceof Date` and every method behave as usual).
 */
const INSTALL_CLOCK = `(function installClock(now) {
  var RealDate = globalThis.Date;
  var EmulatedDate = function Date(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(now()).toString();
    if (new.target === EmulatedDate) {
      // Fast paths: the core builds many Dates (civil-date arithmetic); EmulatedDate shares
      // RealDate's prototype, so a plain RealDate is what the script expects.
      switch (arguments.length) {
        case 0: return new RealDate(now());
        case 1: return new RealDate(a);
        case 2: return new RealDate(a, b);
        case 3: return new RealDate(a, b, c);
        default: return new RealDate(a, b, c, d === undefined ? 0 : d, e === undefined ? 0 : e, f === undefined ? 0 : f, g === undefined ? 0 : g);
      }
    }
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  };
  Object.setPrototypeOf(EmulatedDate, RealDate);
  EmulatedDate.prototype = RealDate.prototype;
  EmulatedDate.now = function now_() { return now(); };
  Object.defineProperty(RealDate.prototype, 'constructor', { value: EmulatedDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: EmulatedDate, writable: true, configurable: true });
  return RealDate;
})`;

/** A fresh vm realm whose clock is `now`, and the constructors the bridge converts values into. */
export function createScriptRealm(now: () => number): { context: vm.Context; realm: ScriptRealm } {
  const context = vm.createContext({}, { name: 'apps-script' });
  const install = vm.runInContext(INSTALL_CLOCK, context) as (now: () => number) => DateConstructor;
  const RealDate = install(now);
  const realm: ScriptRealm = {
    Date: RealDate,
    Array: vm.runInContext('Array', context) as ArrayConstructor,
    Object: vm.runInContext('Object', context) as ObjectConstructor,
    Error: vm.runInContext('Error', context) as ErrorConstructor,
  };
  return { context, realm };
}
