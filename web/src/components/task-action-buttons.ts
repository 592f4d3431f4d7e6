import { html } from 'lit';
import type { Task } from '@mindflow/shared';
import { emit, type SnoozeChooseDetail } from './events.ts';
import './mf-snooze-menu.ts';

/**
 * Done, Snooze and Edit for one task, as the best task's card and every row show them; each
 * asks its host's host to act (mf-complete-request, mf-snooze-choose, mf-edit-request).
 */
export function taskActionButtons(
  host: HTMLElement,
  task: Task,
  options: {
    today: string;
    onSnooze: (e: CustomEvent<SnoozeChooseDetail>) => void;
    primary?: boolean;
  },
) {
  return html`<button
      type="button"
      class=${options.primary ? 'primary' : ''}
      data-action="complete"
      aria-label=${`Done: “${task.title}”`}
      @click=${() => emit(host, 'mf-complete-request', { task })}
    >
      Done
    </button>
    <mf-snooze-menu
      .label=${task.title}
      .today=${options.today}
      @mf-snooze-choose=${options.onSnooze}
    ></mf-snooze-menu>
    <button
      type="button"
      data-action="edit"
      aria-label=${`Edit “${task.title}”`}
      @click=${() => emit(host, 'mf-edit-request', { task })}
    >
      Edit
    </button>`;
}
