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
  // simple triggers, the installable onEdit trigger and the daily plan's time-driven one
  'onOpen',
  'onInstall',
  'onTasksEdit',
  'sendDailyPlan',
  // menu items
  'showSidebar',
  'setupSheet',
  'showConnectDialog',
  'showDailyPlanSettings',
  'showAbout',
  // google.script.run targets (sidebar, Connect and Daily plan settings dialogs)
  'runOperation',
  'getSidebarContext',
  'getConnectInfo',
  'rotateApiKey',
  'setWebAppUrl',
  'setServerUrl',
  'getDailyPlanSettings',
  'saveDailyPlanSettings',
  'sendTestDailyPlan',
  // the sidebar's Ask tab (the assistant)
  'chat',
  'confirmChat',
  'cancelChat',
] as const;

export type EntryPointName = (typeof ENTRY_POINTS)[number];
