import { LitElement, css, html, nothing } from 'lit';
import { addDays } from '@mindflow/shared';
import { SNOOZE_CHOICES, SNOOZE_LABELS, type SnoozeChoice } from '../format/snooze-choices.ts';
import { baseStyles } from './base-styles.ts';
import { emit } from './events.ts';

/**
 * A "Snooze" button with a small menu (1 hour, tomorrow, next week, or a date picked),
 * following the ARIA menu-button pattern: arrows move, Enter/Space choose, Escape and Tab
 * close, and focus goes back to the button. "Pick a date…" turns the menu into a date input
 * whose earliest day is tomorrow in the Sheet's zone.
 */
export class MfSnoozeMenu extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    /** The task's title, for the button's accessible name. */
    label: { type: String },
    /** Today in the Sheet's zone (YYYY-MM-DD): the date picker starts the day after. */
    today: { type: String },
    open: { state: true },
    picking: { state: true },
    date: { state: true },
  };

  declare label: string;
  declare today: string;
  declare private open: boolean;
  declare private picking: boolean;
  declare private date: string;

  constructor() {
    super();
    this.label = '';
    this.today = '';
    this.open = false;
    this.picking = false;
    this.date = '';
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
      .picker {
        position: absolute;
        left: 0;
        top: calc(100% + 2px);
        z-index: 2;
        display: grid;
        gap: 0.35rem;
        padding: 0.5rem;
        background: #fff;
        border: 1px solid var(--mf-border, #dadce0);
        border-radius: 4px;
        box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
        width: 12.5rem;
      }
      .picker label {
        font-size: 0.85rem;
        font-weight: 600;
      }
      .picker .buttons {
        display: flex;
        gap: 0.3rem;
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
    this.picking = false;
    if (refocus) this.trigger()?.focus();
  }

  private minDate(): string {
    return this.today ? addDays(this.today, 1) : '';
  }

  private async startPicking(): Promise<void> {
    this.picking = true;
    this.date = this.date || this.minDate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[type="date"]')?.focus();
  }

  private pickDate(e: Event): void {
    e.preventDefault();
    const date = this.date;
    const min = this.minDate();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (min !== '' && date < min)) {
      this.renderRoot.querySelector<HTMLInputElement>('input[type="date"]')?.focus();
      return;
    }
    this.close(true);
    emit(this, 'mf-snooze-choose', { pick: { date } });
  }

  private onPickerKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close(true);
    }
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
    if (!this.open || (to !== null && this.renderRoot.contains(to))) return;
    // The menu turning into the date picker removes the focused item for a moment: look
    // again once the picker had its turn to take focus.
    setTimeout(() => {
      if (this.open && !this.shadowRoot?.activeElement) {
        this.open = false;
        this.picking = false;
      }
    }, 0);
  }

  private choose(choice: SnoozeChoice): void {
    this.close(true);
    emit(this, 'mf-snooze-choose', { pick: { choice } });
  }

  private renderMenu() {
    return html`<ul id="menu" role="menu" aria-label="Snooze until" @keydown=${this.onMenuKeydown}>
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
      <li role="none">
        <button
          type="button"
          role="menuitem"
          tabindex="-1"
          aria-haspopup="dialog"
          data-choice="date"
          @click=${this.startPicking}
        >
          Pick a date…
        </button>
      </li>
    </ul>`;
  }

  private renderPicker() {
    return html`<form
      class="picker"
      role="dialog"
      aria-label=${`Snooze “${this.label}” until a date`}
      @submit=${this.pickDate}
      @keydown=${this.onPickerKeydown}
    >
      <label for="until">Snooze until</label>
      <input
        id="until"
        type="date"
        required
        min=${this.minDate()}
        .value=${this.date}
        @input=${(e: Event) => (this.date = (e.target as HTMLInputElement).value)}
      />
      <div class="buttons">
        <button type="submit" class="primary">Snooze</button>
        <button type="button" @click=${() => this.close(true)}>Cancel</button>
      </div>
    </form>`;
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
      ${this.open && this.picking ? this.renderPicker() : this.open ? this.renderMenu() : nothing}
    </span>`;
  }
}

customElements.define('mf-snooze-menu', MfSnoozeMenu);

declare global {
  interface HTMLElementTagNameMap {
    'mf-snooze-menu': MfSnoozeMenu;
  }
}
