import type { AppError, Task } from '@mindflow/shared';
import type { SnoozeChoice } from '../format/snooze-choices.ts';

// Data goes down through properties; what happens comes up through these events. All
// bubble and are composed, so they cross shadow roots up to whoever hosts the components.

export interface TaskChangedDetail {
  action: 'created' | 'updated' | 'completed' | 'snoozed';
  task: Task;
  /** A sentence for the status live region: Added “Pay rent”. */
  message: string;
}
export interface TaskDetail {
  task: Task;
}
export interface SnoozeRequestDetail {
  task: Task;
  choice: SnoozeChoice;
}
export interface SnoozeChooseDetail {
  choice: SnoozeChoice;
}
export interface EditCloseDetail {
  /** The task that was edited (its latest version when saved). */
  task: Task;
  saved: boolean;
}
export interface ErrorDetail {
  error: AppError;
  /** What was being done: "complete “Pay rent”". */
  action: string;
}

export interface MindFlowEvents {
  /** A task was created or changed: hosts refresh what they show and announce `message`. */
  'mf-task-changed': TaskChangedDetail;
  /** A row asks to complete its task (mf-task-list carries it out). */
  'mf-complete-request': TaskDetail;
  /** A row asks to snooze its task. */
  'mf-snooze-request': SnoozeRequestDetail;
  /** The snooze menu's choice (mf-task-row adds the task). */
  'mf-snooze-choose': SnoozeChooseDetail;
  /** A row asks for its task to be edited (mf-app opens the editor). */
  'mf-edit-request': TaskDetail;
  /** The editor is done, saved or cancelled. */
  'mf-edit-close': EditCloseDetail;
  /** A call failed in a way the component cannot show next to a field. */
  'mf-error': ErrorDetail;
}

export function emit<K extends keyof MindFlowEvents>(
  from: EventTarget,
  name: K,
  detail: MindFlowEvents[K],
): boolean {
  return from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'mf-task-changed': CustomEvent<TaskChangedDetail>;
    'mf-complete-request': CustomEvent<TaskDetail>;
    'mf-snooze-request': CustomEvent<SnoozeRequestDetail>;
    'mf-snooze-choose': CustomEvent<SnoozeChooseDetail>;
    'mf-edit-request': CustomEvent<TaskDetail>;
    'mf-edit-close': CustomEvent<EditCloseDetail>;
    'mf-error': CustomEvent<ErrorDetail>;
  }
}
