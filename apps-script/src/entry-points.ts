/**
 * The functions Apps Script calls by name: web-app handlers, triggers, menu items and
 * google.script.run targets. build.ts declares one top-level `function` per name (Apps Script
 * only sees real top-level declarations) delegating to main.ts's export of the same name,
 * and fails the build if this list and main.ts's exports differ.
 */
export const ENTRY_POINTS = ['doGet', 'onOpen', 'showAbout'] as const;

export type EntryPointName = (typeof ENTRY_POINTS)[number];
