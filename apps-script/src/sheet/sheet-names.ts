/** The sheet MindFlow keeps tasks in; columns are found by header name. */
export const TASKS_SHEET = 'Tasks';
/** The hidden audit sheet: one row per change, appended under the script lock. */
export const LOG_SHEET = '_log';
export const LOG_HEADER = ['time', 'operation', 'task_id', 'source', 'detail'] as const;

/** Who made a change (or sent the daily plan), for the audit log. */
export type ChangeSource = 'gpt' | 'sidebar' | 'trigger' | 'dialog';
