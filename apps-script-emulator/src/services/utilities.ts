import { createHash, createHmac } from 'node:crypto';
import type { EmulatorClock } from '../clock.ts';
import {
  API_LABEL,
  ApiObject,
  gasEnum,
  ServiceError,
  type EnumValue,
} from '../runtime/api-object.ts';
import { formatDate } from '../time/format-date.ts';

export const DigestAlgorithm = gasEnum([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
] as const);
export const MacAlgorithm = gasEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const);
export const Charset = gasEnum(['US_ASCII', 'UTF_8'] as const);

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Apps Script returns Java bytes: signed, -128…127. */
export function toSignedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown, charset?: EnumValue): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  const text = String(data);
  // US-ASCII cannot encode anything past code point 127: Java writes '?' for it.
  if (charset === Charset.US_ASCII)
    return Buffer.from(
      Array.from(text, (c) => (c.charCodeAt(0) < 128 ? c : '?')).join(''),
      'latin1',
    );
  return Buffer.from(text, 'utf8');
}

export class BlobApi extends ApiObject {
  readonly [API_LABEL] = 'Blob';
  #bytes: Buffer;
  #contentType: string | null;
  #name: string | null;

  constructor(bytes: Buffer, contentType: string | null, name: string | null) {
    super();
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
  }

  getBytes(): number[] {
    return toSignedBytes(this.#bytes);
  }

  getDataAsString(): string {
    return this.#bytes.toString('utf8');
  }

  setDataFromString(value: string): this {
    this.#bytes = Buffer.from(String(value), 'utf8');
    return this;
  }

  getContentType(): string | null {
    return this.#contentType;
  }

  setContentType(contentType: string): this {
    this.#contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.#name;
  }

  setName(name: string): this {
    this.#name = name;
    return this;
  }

  copyBlob(): BlobApi {
    return new BlobApi(Buffer.from(this.#bytes), this.#contentType, this.#name);
  }
}

export class UtilitiesApi extends ApiObject {
  readonly [API_LABEL] = 'Utilities';
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly Charset = Charset;
  readonly #clock: EmulatorClock;
  readonly #uuid: () => string;

  constructor(clock: EmulatorClock, uuid: () => string) {
    super();
    this.#clock = clock;
    this.#uuid = uuid;
  }

  getUuid(): string {
    return this.#uuid();
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, String(timeZone), String(format));
  }

  /** Java-style %s / %d / %% substitution. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%([sd%])/g, (_m, kind: string) => {
      if (kind === '%') return '%';
      const arg = args[i++];
      return kind === 'd' ? String(Math.trunc(Number(arg))) : String(arg);
    });
  }

  base64Encode(data: string | number[], charset?: EnumValue): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: EnumValue): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
  }

  computeDigest(algorithm: EnumValue, value: string | number[], charset?: EnumValue): number[] {
    const hash = NODE_HASH[algorithm.name()];
    if (!hash) throw new ServiceError(`Digest algorithm ${algorithm.name()} is not emulated`);
    return toSignedBytes(createHash(hash).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(
    value: string | number[],
    key: string | number[],
    charset?: EnumValue,
  ): number[] {
    return this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key, charset);
  }

  computeHmacSignature(
    algorithm: EnumValue,
    value: string | number[],
    key: string | number[],
    charset?: EnumValue,
  ): number[] {
    const hash = NODE_HASH[algorithm.name().replace('HMAC_', '')];
    if (!hash) throw new ServiceError(`MAC algorithm ${algorithm.name()} is not emulated`);
    const mac = createHmac(hash, toBuffer(key, charset)).update(toBuffer(value, charset));
    return toSignedBytes(mac.digest());
  }

  newBlob(data: string | number[], contentType?: string, name?: string): BlobApi {
    return new BlobApi(toBuffer(data), contentType ?? null, name ?? null);
  }

  /** Advances the emulator clock instead of blocking. */
  sleep(milliseconds: number): void {
    if (milliseconds > 300_000)
      throw new ServiceError('Utilities.sleep: milliseconds must be at most 300000');
    this.#clock.advance(Math.max(0, Number(milliseconds)));
  }
}
