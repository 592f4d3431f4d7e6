import { types } from 'node:util';
import { API_LABEL, ApiObject } from './api-object.ts';
import type { ServiceName } from './call-counter.ts';

/** The script realm's own constructors: values handed to the bundle must come from its realm. */
export interface ScriptRealm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

/** Called before every method call the script makes on a service object; may throw. */
export type CallHook = (service: ServiceName, label: string, method: string) => void;

/**
 * The boundary between the bundle (its own vm realm) and the emulator (Node's realm).
 * Values cross it converted, because `instanceof Date` / `instanceof Array` / `instanceof Error`
 * in the bundle only hold for its own realm's objects, as they would in Apps Script. Service
 * objects cross it wrapped in proxies that count calls and check authorization.
 */
export class Bridge {
  readonly realm: ScriptRealm;
  private readonly hook: CallHook;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(realm: ScriptRealm, hook: CallHook) {
    this.realm = realm;
    this.hook = hook;
  }

  /** The proxy the script sees for a service object (one per object, so identity holds). */
  expose<T extends object>(target: T, service: ServiceName): T {
    const existing = this.proxies.get(target);
    if (existing) return existing as T;
    const label = (target as Partial<ApiObject>)[API_LABEL] ?? service;
    const wrappers = new Map<PropertyKey, unknown>();
    const proxy: T = new Proxy(target, {
      get: (t, prop) => {
        const value: unknown = Reflect.get(t, prop, t);
        if (typeof value !== 'function' || typeof prop === 'symbol') return value;
        let wrapper = wrappers.get(prop);
        if (!wrapper) {
          wrapper = (...args: unknown[]) => {
            try {
              this.hook(service, label, prop);
              const result: unknown = Reflect.apply(
                value,
                t,
                args.map((a) => this.fromScript(a)),
              );
              return result === t ? proxy : this.toScript(result, service);
            } catch (error) {
              throw this.toScriptError(error);
            }
          };
          wrappers.set(prop, wrapper);
        }
        return wrapper;
      },
      set: (t, prop, value) => Reflect.set(t, prop, value, t),
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  /** The emulator object behind a proxy the script handed back (or the value itself). */
  unwrap<T>(value: T): T {
    return (
      typeof value === 'object' && value !== null ? (this.targets.get(value) ?? value) : value
    ) as T;
  }

  /** Node realm → script realm. */
  toScript(value: unknown, service: ServiceName): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (value instanceof ApiObject) return this.expose(value, service);
    if (Array.isArray(value)) return this.realm.Array.from(value, (v) => this.toScript(v, service));
    if (types.isDate(value)) return new this.realm.Date((value as Date).getTime());
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out = new this.realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.toScript(v, service);
      return out;
    }
    return value;
  }

  /** Script realm → Node realm; proxies become the emulator objects they stand for. */
  fromScript(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const target = this.targets.get(value);
    if (target) return target;
    if (Array.isArray(value)) return Array.from(value as unknown[], (v) => this.fromScript(v));
    if (types.isDate(value)) return new Date((value as Date).getTime());
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === this.realm.Object.prototype || proto === null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.fromScript(v);
      return out;
    }
    return value;
  }

  /** Service failures reach the script as its own realm's Error, named "Exception" like Apps Script's. */
  toScriptError(error: unknown): unknown {
    if (error instanceof this.realm.Error) return error;
    const message = error instanceof Error ? error.message : String(error);
    const converted = new this.realm.Error(message);
    converted.name = 'Exception';
    if (error instanceof Error && error.name !== 'Exception') {
      // An emulator bug rather than an Apps Script error: keep where it came from.
      converted.stack = `${error.name}: ${message}\n${error.stack ?? ''}`;
    }
    return converted;
  }
}
