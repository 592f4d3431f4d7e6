import { generateOpenApi } from '@mindflow/shared';
import instructions from '../../gpt/instructions.md';
import { ensureApiKey, rotateStoredApiKey } from '../web/api-key.ts';

/** Script Properties key of a web-app URL the user pasted (when getService() reports none or /dev). */
export const WEB_APP_URL_PROPERTY = 'WEB_APP_URL';

export interface ConnectInfo {
  url: string | null;
  /** False when the URL is missing or not a deployed /exec URL. */
  deployed: boolean;
  key: string;
  schema: string | null;
  instructions: string;
  instructions_version: string;
}

export const GPT_INSTRUCTIONS = instructions;

export function instructionsVersion(text: string): string {
  return /version\s+([\w.-]+)/i.exec(text.split('\n')[0] ?? '')?.[1] ?? 'unknown';
}

function webAppUrl(): string | null {
  const pasted = PropertiesService.getScriptProperties().getProperty(WEB_APP_URL_PROPERTY);
  if (pasted) return pasted;
  return ScriptApp.getService().getUrl() || null;
}

/** google.script.run target of the Connect dialog: what to paste into the Custom GPT. */
export function getConnectInfo(): ConnectInfo {
  const url = webAppUrl();
  const deployed = url !== null && /^https:\/\/\S+\/exec$/.test(url);
  const key = ensureApiKey();
  const schema = deployed
    ? JSON.stringify(
        generateOpenApi({ style: 'apps-script', serverUrl: url, apiKey: key }),
        null,
        2,
      )
    : null;
  return {
    url,
    deployed,
    key,
    schema,
    instructions,
    instructions_version: instructionsVersion(instructions),
  };
}

/** Replaces the API key; the GPT's schema must be pasted again. */
export function rotateApiKey(): ConnectInfo {
  rotateStoredApiKey();
  return getConnectInfo();
}

/** Stores the /exec URL shown by Deploy › Manage deployments when getService() does not know it. */
export function setWebAppUrl(url: unknown): ConnectInfo {
  const text = typeof url === 'string' ? url.trim() : '';
  const props = PropertiesService.getScriptProperties();
  if (text === '') props.deleteProperty(WEB_APP_URL_PROPERTY);
  else if (/^https:\/\/script\.google\.com\/\S+\/exec$/.test(text)) {
    props.setProperty(WEB_APP_URL_PROPERTY, text);
  } else {
    throw new Error('The web app URL looks like https://script.google.com/macros/s/…/exec');
  }
  return getConnectInfo();
}

/** Menu item: Connect ChatGPT. */
export function showConnectDialog(): void {
  const page = HtmlService.createHtmlOutputFromFile('Connect').setWidth(720).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(page, 'Connect ChatGPT');
}
