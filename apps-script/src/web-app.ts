/** The wire envelope: a web app always answers 200, so success or failure travels in the body. */
export interface Envelope<T> {
  ok: true;
  data: T;
}

function json<T>(body: Envelope<T>): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(
    ContentService.MimeType.JSON,
  );
}

/** GET /exec: for now, says which service answers. The action router comes next. */
export function doGet(_e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.Content.TextOutput {
  return json({ ok: true, data: { service: 'mindflow' } });
}
