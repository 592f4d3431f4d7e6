// onOpen runs as a simple trigger without authorization: it may only build the menu.
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createMenu('MindFlow').addItem('About MindFlow', 'showAbout').addToUi();
}

/** Menu item: a small dialog rendered from about.html. */
export function showAbout(): void {
  const page = HtmlService.createTemplateFromFile('about');
  page.timeZone = Session.getScriptTimeZone();
  SpreadsheetApp.getUi().showModalDialog(
    page.evaluate().setWidth(360).setHeight(180),
    'About MindFlow',
  );
}
