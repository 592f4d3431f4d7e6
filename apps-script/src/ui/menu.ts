/**
 * onOpen runs as a simple trigger, possibly in AuthMode.NONE (an add-on not yet used in this
 * document): it may only build the menu, never read the Sheet or Script Properties.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createMenu('MindFlow')
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Set up / repair sheet', 'setupSheet')
    .addItem('Connect ChatGPT', 'showConnectDialog')
    .addItem('Daily plan settings', 'showDailyPlanSettings')
    .addSeparator()
    .addItem('About MindFlow', 'showAbout')
    .addToUi();
}

/** Installed as an add-on: the document is already open, so build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu item: a small dialog rendered from about.html. */
export function showAbout(): void {
  const page = HtmlService.createTemplateFromFile('about');
  page.timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  SpreadsheetApp.getUi().showModalDialog(
    page.evaluate().setWidth(360).setHeight(180),
    'About MindFlow',
  );
}
