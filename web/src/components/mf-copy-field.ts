import { html, type PropertyValues } from 'lit';
import { LightElement } from './light-element.ts';

/**
 * A read-only value with a Copy button: one line (an input) or many (a textarea). Copies
 * with the Clipboard API, falling back to selecting the text and execCommand('copy') where
 * the dialog's iframe may not use the clipboard; says "Copied" when it worked.
 */
export class MfCopyField extends LightElement {
  static override properties = {
    label: { type: String },
    value: { type: String },
    multiline: { type: Boolean },
    fieldId: { type: String, attribute: 'field-id' },
    copied: { state: true },
  };

  declare label: string;
  declare value: string;
  declare multiline: boolean;
  declare fieldId: string;
  declare private copied: boolean;

  constructor() {
    super();
    this.label = '';
    this.value = '';
    this.multiline = false;
    this.fieldId = '';
    this.copied = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value')) this.copied = false;
  }

  private async copy(): Promise<void> {
    const field = this.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    try {
      await navigator.clipboard.writeText(this.value);
      this.copied = true;
    } catch {
      field?.select();
      this.copied = document.execCommand('copy');
    }
  }

  override render() {
    const id = this.fieldId || undefined;
    const field = this.multiline
      ? html`<textarea
          id=${id ?? ''}
          readonly
          aria-label=${this.label}
          .value=${this.value}
        ></textarea>`
      : html`<input
          type="text"
          id=${id ?? ''}
          readonly
          aria-label=${this.label}
          .value=${this.value}
        />`;
    return html`<div class="copy-row">
      ${field}
      <button type="button" @click=${this.copy} aria-label=${`Copy ${this.label}`}>
        ${this.copied ? 'Copied' : 'Copy'}
      </button>
    </div>`;
  }
}

customElements.define('mf-copy-field', MfCopyField);

declare global {
  interface HTMLElementTagNameMap {
    'mf-copy-field': MfCopyField;
  }
}
