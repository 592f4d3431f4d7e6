import { API_LABEL, ApiObject, gasEnum, type EnumValue } from '../runtime/api-object.ts';

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { submenu: RecordedMenu };

export interface RecordedMenu {
  title: string;
  items: MenuEntry[];
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  /** Dialogs only, in pixels as setWidth/setHeight gave them (Sheets' sidebar is 300 wide). */
  width?: number;
  height?: number;
}

/** What the script put on screen, for tests to assert on. */
export class UiLog {
  readonly menus: RecordedMenu[] = [];
  readonly shown: ShownHtml[] = [];
  readonly alerts: string[] = [];
  /** What the next alert() returns (the user's click). */
  nextAlertButton = 'OK';
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

const Button = gasEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
const ButtonSet = gasEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);

export class MenuApi extends ApiObject {
  readonly [API_LABEL] = 'Menu';
  readonly #menu: RecordedMenu;
  readonly #log: UiLog;

  constructor(title: string, log: UiLog) {
    super();
    this.#menu = { title, items: [] };
    this.#log = log;
  }

  addItem(caption: string, functionName: string): this {
    this.#menu.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.#menu.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: MenuApi): this {
    this.#menu.items.push({ submenu: menu.#menu });
    return this;
  }

  addToUi(): void {
    const existing = this.#log.menus.findIndex((m) => m.title === this.#menu.title);
    if (existing >= 0) this.#log.menus.splice(existing, 1, this.#menu);
    else this.#log.menus.push(this.#menu);
  }
}

export class UiApi extends ApiObject {
  readonly [API_LABEL] = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly #log: UiLog;

  constructor(log: UiLog) {
    super();
    this.#log = log;
  }

  createMenu(caption: string): MenuApi {
    return new MenuApi(caption, this.#log);
  }

  createAddonMenu(): MenuApi {
    return new MenuApi('Add-on', this.#log);
  }

  alert(titleOrPrompt: string, prompt?: string | EnumValue): EnumValue {
    const text = typeof prompt === 'string' ? `${titleOrPrompt}: ${prompt}` : titleOrPrompt;
    this.#log.alerts.push(text);
    return Button[this.#log.nextAlertButton as keyof typeof Button] ?? Button.OK;
  }

  showSidebar(html: HtmlLike): void {
    this.#show('sidebar', html, html.getTitle());
  }

  showModalDialog(html: HtmlLike, title: string): void {
    this.#show('modal', html, title);
  }

  showModelessDialog(html: HtmlLike, title: string): void {
    this.#show('modeless', html, title);
  }

  #show(kind: ShownHtml['kind'], html: HtmlLike, title: string): void {
    const shown: ShownHtml = { kind, title, content: html.getContent() };
    if (kind !== 'sidebar') {
      shown.width = html.getWidth();
      shown.height = html.getHeight();
    }
    this.#log.shown.push(shown);
  }
}
