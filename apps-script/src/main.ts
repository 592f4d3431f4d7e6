// The bundle's entry: exports exactly the functions listed in entry-points.ts.
export { doGet, doPost } from './web/web-app.ts';
export { onInstall, onOpen, showAbout, showDailyPlanSettings } from './ui/menu.ts';
export { getSidebarContext, runOperation, showSidebar } from './ui/sidebar-functions.ts';
export { setupSheet } from './ui/setup-dialog.ts';
export {
  getConnectInfo,
  rotateApiKey,
  setWebAppUrl,
  showConnectDialog,
} from './ui/connect-dialog.ts';
export { onTasksEdit } from './ui/edit-trigger.ts';
