import { TASK_FIELDS, type TaskField } from '@mindflow/shared';
import tasksCsv from '../../../sheets-template/Tasks.csv';

/** The Tasks sheet's header, taken from sheets-template/Tasks.csv at build time. */
export const TEMPLATE_HEADER: readonly string[] = (tasksCsv.split(/\r?\n/)[0] ?? '')
  .split(',')
  .map((h) => h.trim());

/** Number formats Set up gives the empty rows of each column. */
export function templateFormat(field: TaskField): string {
  if (field === 'priority' || field === 'effort_minutes') return '0';
  // Typed dates stay real dates (read as dates); MindFlow's own writes store ISO text.
  if (field === 'due') return 'yyyy-mm-dd';
  if (field === 'snoozed_until') return 'yyyy-mm-dd hh:mm';
  return '@';
}

export function isTaskField(name: string): name is TaskField {
  return (TASK_FIELDS as readonly string[]).includes(name);
}
