import { LitElement, css, html, nothing } from 'lit';
import { SNOOZE_CHOICES, SNOOZE_LABELS, type SnoozeChoice } from '../format/snooze-choices.ts';
import { baseStyles } from './base-styles.ts';
import { emit } from './events.ts';

/**
 * A "Snooze" button with a small menu (1 hour, tomorrow, next week), following the ARIA
 * menu-button pattern: arrows move, Enter/Space choose, Escape and Tab close, and focus
 * goes back to the button.
 */
export class MfSnoozeMenu extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    /** The task's title, for the button's accessible name. */
    label: { type: String },
    open: { state: true },
  };

  declare label: string;
  declare private open: boolean;

  constructor() {
    super();
    this.label = '';
    this.open = false;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      [role='menu'] {
        position: absolute;
        right: 0;
        top: calc(100% + 2px);
        z-index: 2;
        margin: 0;
        padding: 0.25rem 0;
        list-style: none;
        background: #fff;
        border: 1px solid var(--mf-border, #dadce0);
        border-radius: 4px;
        box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
        min-width: 8rem;
      }
      [role='menuitem'] {
        display: block;
        width: 100%;
        text-align: left;
        border: 0;
        border-radius: 0;
      }
    `,
  ];

  private items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  private trigger(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('button[aria-haspopup]');
  }

  private async show(focusIndex: number): Promise<void> {
    this.open = true;
    await this.updateComplete;
    const items = this.items();
    items.at(focusIndex % items.length)?.focus();
  }

  private close(refocus: boolean): void {
    this.open = false;
    if (refocus) this.trigger()?.focus();
  }

  private onTriggerKeydown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.show(e.key === 'ArrowDown' ? 0 : -1);
    }
  }

  private onMenuKeydown(e: KeyboardEvent): void {
    const items = this.items();
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    const move = (to: number) => items.at(to % items.length)?.focus();
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(-1);
    else if (e.key === 'Escape') {
      e.stopPropagation();
      this.close(true);
    } else if (e.key === 'Tab') {
      this.close(false);
      return;
    } else return;
    e.preventDefault();
  }

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (this.open && (to === null || !this.renderRoot.contains(to))) this.open = false;
  }

  private choose(choice: SnoozeChoice): void {
    this.close(true);
    emit(this, 'mf-snooze-choose', { choice });
  }

  override render() {
    return html`<span @focusout=${this.onFocusOut}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${`Snooze “${this.label}”`}
        @click=${() => (this.open ? this.close(true) : this.show(0))}
        @keydown=${this.onTriggerKeydown}
      >
        Snooze
      </button>
      ${
        this.open
          ? html`<ul id="menu" role="menu" aria-label="Snooze until" @keydown=${this.onMenuKeydown}>
              ${SNOOZE_CHOICES.map(
                (choice) =>
                  html`<li role="none">
                    <button
                      type="button"
                      role="menuitem"
                      tabindex="-1"
                      data-choice=${choice}
                      @click=${() => this.choose(choice)}
                    >
                      ${SNOOZE_LABELS[choice]}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </span>`;
  }
}

customElements.define('mf-snooze-menu', MfSnoozeMenu);

declare global {
  interface HTMLElementTagNameMap {
    'mf-snooze-menu': MfSnoozeMenu;
  }
}
