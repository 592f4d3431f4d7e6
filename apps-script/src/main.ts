// The bundle's entry: exports exactly the functions listed in entry-points.ts.
export { doGet, doPost } from './web/web-app.ts';
export { onInstall, onOpen, showAbout } from './ui/menu.ts';
export {
  getDailyPlanSettings,
  saveDailyPlanSettings,
  sendTestDailyPlan,
  showDailyPlanSettings,
} from './daily-plan/daily-plan-dialog.ts';
export { sendDailyPlan } from './daily-plan/send-daily-plan.ts';
export { getSidebarContext, runOperation, showSidebar } from './ui/sidebar-functions.ts';
export { setupSheet } from './ui/setup-dialog.ts';
export {
  getConnectInfo,
  rotateApiKey,
  setServerUrl,
  setWebAppUrl,
  showConnectDialog,
} from './ui/connect-dialog.ts';
export { onTasksEdit } from './ui/edit-trigger.ts';
export { cancelChat, chat, confirmChat } from './assistant/chat-functions.ts';
