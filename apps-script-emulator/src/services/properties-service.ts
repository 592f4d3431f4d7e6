import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';

// Apps Script quotas: 9 kB per value, 500 kB per property store.
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** One property store; values are always strings, as in Apps Script. */
export class PropertyStore {
  readonly entries = new Map<string, string>();

  get(key: string): string | null {
    return this.entries.get(key) ?? null;
  }

  set(key: string, value: unknown): void {
    const text = String(value);
    if (bytes(text) > MAX_VALUE_BYTES) throw new ServiceError('Argument too large: value');
    const before = this.entries.get(key);
    this.entries.set(key, text);
    if (this.size() > MAX_STORE_BYTES) {
      if (before === undefined) this.entries.delete(key);
      else this.entries.set(key, before);
      throw new ServiceError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }

  private size(): number {
    let total = 0;
    for (const [k, v] of this.entries) total += bytes(k) + bytes(v);
    return total;
  }
}

/** Script, per-user and per-document stores, kept across executions. */
export class PropertiesState {
  readonly script = new PropertyStore();
  private readonly users = new Map<string, PropertyStore>();
  private readonly documents = new Map<string, PropertyStore>();

  user(email: string): PropertyStore {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new PropertyStore()));
    return store;
  }

  document(id: string): PropertyStore {
    let store = this.documents.get(id);
    if (!store) this.documents.set(id, (store = new PropertyStore()));
    return store;
  }
}

export class PropertiesApi extends ApiObject {
  readonly [API_LABEL] = 'Properties';
  readonly #store: PropertyStore;

  constructor(store: PropertyStore) {
    super();
    this.#store = store;
  }

  getProperty(key: string): string | null {
    return this.#store.get(key);
  }

  setProperty(key: string, value: unknown): this {
    this.#store.set(String(key), value);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this.#store.entries.clear();
    for (const [k, v] of Object.entries(properties)) this.#store.set(k, v);
    return this;
  }

  deleteProperty(key: string): this {
    this.#store.entries.delete(key);
    return this;
  }

  deleteAllProperties(): this {
    this.#store.entries.clear();
    return this;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.#store.entries);
  }

  getKeys(): string[] {
    return [...this.#store.entries.keys()];
  }
}

export class PropertiesServiceApi extends ApiObject {
  readonly [API_LABEL] = 'PropertiesService';
  readonly #state: PropertiesState;
  readonly #userEmail: string;
  readonly #documentId: string;

  constructor(state: PropertiesState, userEmail: string, documentId: string) {
    super();
    this.#state = state;
    this.#userEmail = userEmail;
    this.#documentId = documentId;
  }

  getScriptProperties(): PropertiesApi {
    return new PropertiesApi(this.#state.script);
  }

  getUserProperties(): PropertiesApi {
    return new PropertiesApi(this.#state.user(this.#userEmail));
  }

  getDocumentProperties(): PropertiesApi {
    return new PropertiesApi(this.#state.document(this.#documentId));
  }
}
