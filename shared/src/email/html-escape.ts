// Task titles, event titles and reasons are user text: every one is escaped before it meets
// HTML, in text and in attributes alike.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The URL if it is http(s), else null: a javascript: link must never reach an inbox. */
export function safeHttpUrl(url: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url.trim()) ? url.trim() : null;
}
