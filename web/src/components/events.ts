import type { AppError, Task } from '@mindflow/shared';
import type { SnoozePick } from '../format/snooze-choices.ts';

// Data goes down through properties; what happens comes up through these events. All
// bubble and are composed, so they cross shadow roots up to whoever hosts the components
// (the Sheets sidebar's mf-app, the hosted dashboard).

export type ChangeAction =
  'created' | 'updated' | 'completed' | 'snoozed' | 'started' | 'deleted' | 'reopened' | 'restored';

export interface TaskChangedDetail {
  action: ChangeAction;
  /** The task as it is now (for `deleted`, as it was). */
  task: Task;
  /** A sentence for the status live region: Added “Pay rent”. */
  message: string;
  /**
   * Puts things back as they were before this change, when that is possible: hosts offer it
   * as "Undo" for 10 seconds (mf-undo-bar). Resolves to the restored task or an error.
   */
  undo?: () => Promise<{ ok: true; task: Task } | { ok: false; error: AppError }>;
}
export interface TaskDetail {
  task: Task;
}
export interface SnoozeRequestDetail {
  task: Task;
  pick: SnoozePick;
}
export interface SnoozeChooseDetail {
  pick: SnoozePick;
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
/** A timeline block's button: the plan knows the task's id and title, not the whole task. */
export interface PlanActionDetail {
  action: 'start' | 'complete' | 'snooze';
  task_id: string;
  title: string;
  /** For `snooze`. */
  pick?: SnoozePick;
}
export interface BestChangedDetail {
  /** The id of the task "Do this next" shows, or null when it shows none. */
  task_id: string | null;
}

export interface MindFlowEvents {
  /** A task was created or changed: hosts refresh what they show and announce `message`. */
  'mf-task-changed': TaskChangedDetail;
  /** A row or card asks to complete its task. */
  'mf-complete-request': TaskDetail;
  /** A row or card asks to snooze its task. */
  'mf-snooze-request': SnoozeRequestDetail;
  /** A row asks to delete its task. */
  'mf-delete-request': TaskDetail;
  /** A completed row asks to reopen its task. */
  'mf-reopen-request': TaskDetail;
  /** The snooze menu's choice (the row or card adds the task). */
  'mf-snooze-choose': SnoozeChooseDetail;
  /** A row asks for its task to be edited (the host opens the editor). */
  'mf-edit-request': TaskDetail;
  /** The editor is done, saved or cancelled. */
  'mf-edit-close': EditCloseDetail;
  /** Start / Done / Snooze on a block of the day plan. */
  'mf-plan-action': PlanActionDetail;
  /** mf-best-task shows another task (or none): a list beside it leaves that one out. */
  'mf-best-changed': BestChangedDetail;
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
    'mf-delete-request': CustomEvent<TaskDetail>;
    'mf-reopen-request': CustomEvent<TaskDetail>;
    'mf-snooze-choose': CustomEvent<SnoozeChooseDetail>;
    'mf-edit-request': CustomEvent<TaskDetail>;
    'mf-edit-close': CustomEvent<EditCloseDetail>;
    'mf-plan-action': CustomEvent<PlanActionDetail>;
    'mf-best-changed': CustomEvent<BestChangedDetail>;
    'mf-error': CustomEvent<ErrorDetail>;
  }
}
