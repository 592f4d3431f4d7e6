// How a person reads a priority, everywhere (web app, sidebar, email, CLI, the GPT): Todoist's
// notation, P1 the most important … P5 the least, with a word. The stored number stays 1–5
// with 5 the most important (the catalogue's scale), so P1 is stored 5. Quick add reads both
// the code and the word (`p1`, `!highest`), so what a person sees they can also type.

export type PriorityNumber = 1 | 2 | 3 | 4 | 5;

const WORDS: Readonly<Record<PriorityNumber, string>> = {
  5: 'highest',
  4: 'high',
  3: 'normal',
  2: 'low',
  1: 'lowest',
};

function isPriority(priority: number): priority is PriorityNumber {
  return priority === 1 || priority === 2 || priority === 3 || priority === 4 || priority === 5;
}

/** Stored 5 → "P1" … stored 1 → "P5"; anything else as it is. */
export function priorityCode(priority: number): string {
  return isPriority(priority) ? `P${6 - priority}` : String(priority);
}

/** Stored 5 → "highest" … stored 1 → "lowest". */
export function priorityWord(priority: number): string {
  return isPriority(priority) ? WORDS[priority] : String(priority);
}

/** Stored 5 → "P1 highest": the label people read. */
export function priorityLabel(priority: number): string {
  return isPriority(priority) ? `${priorityCode(priority)} ${WORDS[priority]}` : String(priority);
}

/** The stored numbers, most important first: the order a priority picker lists them. */
export const PRIORITIES_BY_IMPORTANCE: readonly PriorityNumber[] = [5, 4, 3, 2, 1];

/** "P1 highest, P2 high, …, P5 lowest", for help texts that explain the scale. */
export function priorityScaleText(): string {
  return PRIORITIES_BY_IMPORTANCE.map(priorityLabel).join(', ');
}
