import { API_LABEL, ApiObject, gasEnum, type EnumValue } from '../runtime/api-object.ts';

export const MimeType = gasEnum([
  'ATOM',
  'CSV',
  'ICAL',
  'JAVASCRIPT',
  'JSON',
  'RSS',
  'TEXT',
  'VCARD',
  'XML',
] as const);

const MEDIA_TYPES: Record<string, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

/** The HTTP Content-Type a MimeType member is served with. */
export function mediaTypeOf(mimeType: EnumValue): string {
  return MEDIA_TYPES[mimeType.name()] ?? 'text/plain';
}

export class TextOutputApi extends ApiObject {
  readonly [API_LABEL] = 'TextOutput';
  #content: string;
  #mimeType: EnumValue = MimeType.TEXT;
  #fileName: string | null = null;

  constructor(content: string) {
    super();
    this.#content = content;
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): this {
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): this {
    this.#content += String(addedContent);
    return this;
  }

  clear(): this {
    this.#content = '';
    return this;
  }

  getMimeType(): EnumValue {
    return this.#mimeType;
  }

  setMimeType(mimeType: EnumValue): this {
    this.#mimeType = mimeType;
    return this;
  }

  downloadAsFile(filename: string): this {
    this.#fileName = filename;
    return this;
  }

  getFileName(): string | null {
    return this.#fileName;
  }
}

export class ContentServiceApi extends ApiObject {
  readonly [API_LABEL] = 'ContentService';
  readonly MimeType = MimeType;

  createTextOutput(content?: string): TextOutputApi {
    return new TextOutputApi(content === undefined ? '' : String(content));
  }
}
