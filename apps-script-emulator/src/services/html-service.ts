import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_LABEL,
  ApiObject,
  gasEnum,
  ServiceError,
  type EnumValue,
} from '../runtime/api-object.ts';
import { compileTemplate } from './html-template.ts';

export const XFrameOptionsMode = gasEnum(['ALLOWALL', 'DEFAULT'] as const);
export const SandboxMode = gasEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);

export class HtmlOutputApi extends ApiObject {
  readonly [API_LABEL] = 'HtmlOutput';
  #content: string;
  #title = '';
  #width = 0;
  #height = 0;
  #xFrameOptions: EnumValue = XFrameOptionsMode.DEFAULT;
  readonly #metaTags: { name: string; content: string }[] = [];

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

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): this {
    this.#title = String(title);
    return this;
  }

  getWidth(): number {
    return this.#width;
  }

  setWidth(width: number): this {
    this.#width = width;
    return this;
  }

  getHeight(): number {
    return this.#height;
  }

  setHeight(height: number): this {
    this.#height = height;
    return this;
  }

  setXFrameOptionsMode(mode: EnumValue): this {
    this.#xFrameOptions = mode;
    return this;
  }

  /** Not Apps Script API: what the web app would send as X-Frame-Options. */
  xFrameOptionsMode(): string {
    return this.#xFrameOptions.name();
  }

  setSandboxMode(_mode: EnumValue): this {
    return this;
  }

  addMetaTag(name: string, content: string): this {
    this.#metaTags.push({ name, content });
    return this;
  }

  setFaviconUrl(_url: string): this {
    return this;
  }
}

/** Runs code in the script's realm (so scriptlets see the bundle's globals). */
export type ScriptEvaluator = (source: string) => unknown;

export class HtmlTemplateApi extends ApiObject {
  readonly [API_LABEL] = 'HtmlTemplate';
  readonly #source: string;
  readonly #evaluate: ScriptEvaluator;

  constructor(source: string, evaluate: ScriptEvaluator) {
    super();
    this.#source = source;
    this.#evaluate = evaluate;
  }

  getRawContent(): string {
    return this.#source;
  }

  getCode(): string {
    return compileTemplate(this.#source);
  }

  getCodeWithComments(): string {
    return this.getCode();
  }

  /** Runs the scriptlets; properties the script set on the template are variables in them. */
  evaluate(): HtmlOutputApi {
    const render = this.#evaluate(this.getCode()) as (vars: object) => string;
    const vars: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(this))
      vars[key] = (this as unknown as Record<string, unknown>)[key];
    return new HtmlOutputApi(String(render(vars)));
  }
}

export class HtmlServiceApi extends ApiObject {
  readonly [API_LABEL] = 'HtmlService';
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;
  readonly #htmlDir: string;
  readonly #evaluate: ScriptEvaluator;

  constructor(htmlDir: string, evaluate: ScriptEvaluator) {
    super();
    this.#htmlDir = htmlDir;
    this.#evaluate = evaluate;
  }

  createHtmlOutput(html?: string): HtmlOutputApi {
    return new HtmlOutputApi(html === undefined ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutputApi {
    return new HtmlOutputApi(this.#read(filename));
  }

  createTemplate(html: string): HtmlTemplateApi {
    return new HtmlTemplateApi(String(html), this.#evaluate);
  }

  createTemplateFromFile(filename: string): HtmlTemplateApi {
    return new HtmlTemplateApi(this.#read(filename), this.#evaluate);
  }

  /** Project HTML files are the .html files pushed beside Code.js, named without extension. */
  #read(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const path = join(this.#htmlDir, `${name}.html`);
    if (!existsSync(path)) throw new ServiceError(`No HTML file named ${name} was found.`);
    return readFileSync(path, 'utf8');
  }
}
