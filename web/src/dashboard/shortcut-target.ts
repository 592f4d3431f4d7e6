/** A view that takes keys: answers true when it used the key (see SHORTCUTS in mf-dashboard.ts). */
export interface ShortcutTarget {
  shortcut(key: string): boolean;
}
