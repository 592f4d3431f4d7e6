import { LitElement, type CSSResult } from 'lit';

const adopted = new WeakSet<CSSStyleSheet>();

/**
 * A Lit element that renders into the page itself (no shadow root), for the add-on's dialog
 * pages: each dialog is the whole page, its ids are the page's own (labels, aria-errormessage,
 * the tests' selectors), and its styles are adopted by the document once.
 */
// eslint-disable-next-line wc/define-tag-after-class-definition -- a base class, never an element itself
export abstract class LightElement extends LitElement {
  /** The page styles this element needs; adopted by the document when it first connects. */
  static pageStyles: CSSResult[] = [];

  protected override createRenderRoot(): HTMLElement {
    const sheets = (this.constructor as typeof LightElement).pageStyles
      .map((s) => s.styleSheet)
      .filter((s): s is CSSStyleSheet => s !== undefined && !adopted.has(s));
    for (const sheet of sheets) adopted.add(sheet);
    if (sheets.length > 0)
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];
    return this;
  }
}
