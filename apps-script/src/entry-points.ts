/**
 * The functions Apps Script calls by name: web-app handlers, triggers, menu items and
 * google.script.run targets. build.ts declares one top-level `function` per name (Apps Script
 * only sees real top-level declarations) delegating to main.ts's export of the same name,
 * and fails the build if this list and main.ts's exports differ.
 */
export const ENTRY_POINTS = [
  // web app (the Custom GPT action)
  'doGet',
  'doPost',
  // simple triggers and the installable onEdit trigger
  'onOpen',
  'onInstall',
  'onTasksEdit',
  // menu items
  'showSidebar',
  'setupSheet',
  'showConnectDialog',
  'showDailyPlanSettings',
  'showAbout',
  // google.script.run targets (sidebar and Connect dialog)
  'runOperation',
  'getSidebarContext',
  'getConnectInfo',
  'rotateApiKey',
  'setWebAppUrl',
] as const;

export type EntryPointName = (typeof ENTRY_POINTS)[number];
