/** Script Properties key memoizing the spreadsheet's zone: "Europe/Berlin|1764000000000". */
export const ZONE_MEMO_PROPERTY = 'SPREADSHEET_TIME_ZONE';
/** How long a memoized zone is trusted before getSpreadsheetTimeZone is asked again. */
export const ZONE_MEMO_MS = 10 * 60_000;

/**
 * The spreadsheet's time zone for a web-app request. The web app reads Script Properties for
 * the API key anyway, so the zone rides along in the same getProperties call and costs no
 * Spreadsheet call; it is asked again every 10 minutes (and whenever Set up runs), so a
 * change in File › Settings takes effect within 10 minutes.
 */
export function memoizedSpreadsheetZone(
  properties: Record<string, string>,
  spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: number,
): string {
  const memo = properties[ZONE_MEMO_PROPERTY];
  const bar = memo?.lastIndexOf('|') ?? -1;
  if (memo && bar > 0 && now - Number(memo.slice(bar + 1)) < ZONE_MEMO_MS) {
    return memo.slice(0, bar);
  }
  return rememberSpreadsheetZone(spreadsheet().getSpreadsheetTimeZone(), now);
}

export function rememberSpreadsheetZone(zone: string, now: number): string {
  PropertiesService.getScriptProperties().setProperty(ZONE_MEMO_PROPERTY, `${zone}|${now}`);
  return zone;
}
