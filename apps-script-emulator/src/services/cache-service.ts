import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';
import type { EmulatorClock } from '../clock.ts';

// Documented limits: keys up to 250 characters, values up to 100 KB, 1,000 items per cache,
// expiration 1 s to 21,600 s (6 h), 600 s when not given.
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_ITEMS = 1000;
const DEFAULT_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 21_600;

interface Entry {
  value: string;
  expiresAt: number;
}

/** One cache. Entries expire against the emulator clock; tests may also evict at will. */
export class CacheStore {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: EmulatorClock;

  constructor(clock: EmulatorClock) {
    this.clock = clock;
  }

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  put(key: string, value: unknown, expirationInSeconds?: number): void {
    if (key.length > MAX_KEY_LENGTH) throw new ServiceError('Argument too large: key');
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES)
      throw new ServiceError('Argument too large: value');
    const seconds = Math.min(
      Math.max(1, Math.floor(expirationInSeconds ?? DEFAULT_EXPIRATION_S)),
      MAX_EXPIRATION_S,
    );
    this.entries.delete(key);
    this.entries.set(key, { value: text, expiresAt: this.clock.now() + seconds * 1000 });
    // A full cache drops its oldest entries: caching is best effort, callers must cope.
    while (this.entries.size > MAX_ITEMS) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  /** Simulates the cache losing everything (it may, at any time). */
  evictAll(): void {
    this.entries.clear();
  }
}

export class CachesState {
  readonly script: CacheStore;
  private readonly users = new Map<string, CacheStore>();
  private readonly documents = new Map<string, CacheStore>();
  private readonly clock: EmulatorClock;

  constructor(clock: EmulatorClock) {
    this.clock = clock;
    this.script = new CacheStore(clock);
  }

  user(email: string): CacheStore {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new CacheStore(this.clock)));
    return store;
  }

  document(id: string): CacheStore {
    let store = this.documents.get(id);
    if (!store) this.documents.set(id, (store = new CacheStore(this.clock)));
    return store;
  }

  evictAll(): void {
    this.script.evictAll();
    for (const store of [...this.users.values(), ...this.documents.values()]) store.evictAll();
  }
}

export class CacheApi extends ApiObject {
  readonly [API_LABEL] = 'Cache';
  readonly #store: CacheStore;

  constructor(store: CacheStore) {
    super();
    this.#store = store;
  }

  get(key: string): string | null {
    return this.#store.get(String(key));
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.#store.get(String(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.#store.put(String(key), value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.#store.put(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.#store.remove(String(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.#store.remove(String(key));
  }
}

export class CacheServiceApi extends ApiObject {
  readonly [API_LABEL] = 'CacheService';
  readonly #state: CachesState;
  readonly #userEmail: string;
  readonly #documentId: string;

  constructor(state: CachesState, userEmail: string, documentId: string) {
    super();
    this.#state = state;
    this.#userEmail = userEmail;
    this.#documentId = documentId;
  }

  getScriptCache(): CacheApi {
    return new CacheApi(this.#state.script);
  }

  getUserCache(): CacheApi {
    return new CacheApi(this.#state.user(this.#userEmail));
  }

  getDocumentCache(): CacheApi {
    return new CacheApi(this.#state.document(this.#documentId));
  }
}
