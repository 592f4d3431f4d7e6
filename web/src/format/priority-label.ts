// Priority and effort as people read them. The priority words and codes are the shared
// vocabulary (shared/src/labels): P1 highest … P5 lowest, the same in the sidebar, the web
// app, the email and the CLI.
export {
  priorityCode,
  priorityLabel,
  priorityWord,
  PRIORITIES_BY_IMPORTANCE,
} from '@mindflow/shared';

export function effortLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
