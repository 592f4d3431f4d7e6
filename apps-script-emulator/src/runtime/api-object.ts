/** Marks objects the bundle receives from a service, and names their Apps Script class. */
export const API_LABEL: unique symbol = Symbol('apps-script.class');

/**
 * Base of every object a service hands to the script (Spreadsheet, Range, Lock, TextOutput …).
 * The bridge recognises it and wraps it so calls on it are counted, authorised and converted
 * between realms like calls on the service itself.
 */
export abstract class ApiObject {
  abstract readonly [API_LABEL]: string;
}

/**
 * An Apps Script enum value such as ContentService.MimeType.JSON: an object, not a string, so
 * code must compare it with the enum member (===) or String() it, exactly as in Apps Script.
 */
export class EnumValue {
  readonly #name: string;
  readonly #ordinal: number;

  constructor(name: string, ordinal: number) {
    this.#name = name;
    this.#ordinal = ordinal;
    Object.freeze(this);
  }

  name(): string {
    return this.#name;
  }

  ordinal(): number {
    return this.#ordinal;
  }

  toString(): string {
    return this.#name;
  }

  toJSON(): string {
    return this.#name;
  }
}

export function gasEnum<const K extends string>(
  names: readonly K[],
): Readonly<Record<K, EnumValue>> {
  const members = {} as Record<K, EnumValue>;
  names.forEach((name, i) => {
    members[name] = new EnumValue(name, i);
  });
  return Object.freeze(members);
}

/** Thrown for service failures; the bridge turns it into the script realm's Error named "Exception". */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
