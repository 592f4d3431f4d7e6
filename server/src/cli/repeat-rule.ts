// Loaded on its own (read-tasks.ts), so only CSV files with repeats load the recurrence code.
export { normalizeRepeat } from '@mindflow/shared';
