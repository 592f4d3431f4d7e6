// A hand-typed row has no id until it is first touched (the onEdit trigger or the next write).
// Until then each read must give it the *same* id, or a task the GPT just listed could not be
// completed a moment later; so the id is derived from where the row is and what it says.

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const SEEDS = [0x811c9dc5, 0x050c5d1f, 0x2b5e7a3d, 0x6c8e9cf5];

/** A deterministic v4-shaped UUID for a row: same row, same text → same id. */
export function provisionalId(sheetRow: number, title: string, previousId = ''): string {
  const key = `${sheetRow}\u0000${title}\u0000${previousId}`;
  const hex = SEEDS.map((s) => fnv1a(key, s).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
