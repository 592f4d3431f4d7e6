import {
  generateOpenApi,
  readScriptArgs,
  CONNECT_FUNCTIONS,
  type ConnectFunctions,
  type ScriptAnswer,
} from '@mindflow/shared';
import instructions from '../../gpt/instructions.md';
import { ensureApiKey, rotateStoredApiKey } from '../web/api-key.ts';

/** Script Properties key of a web-app URL the user pasted (when getService() reports none or /dev). */
export const WEB_APP_URL_PROPERTY = 'WEB_APP_URL';
/** Script Properties key of the hosted MindFlow server that runs on this Sheet (STORE=sheets). */
export const SERVER_URL_PROPERTY = 'MINDFLOW_SERVER_URL';

// The Connect dialog (web/src/components/mf-connect-dialog.ts, shipped as Connect.html)
// offers both routes to this Sheet: the Custom GPT through the add-on's web app, and the
// MCP app through the hosted server. Its calls are CONNECT_FUNCTIONS in shared/.
export type ConnectInfo = ScriptAnswer<ConnectFunctions, 'getConnectInfo'>;

function spreadsheetId(): string | null {
  try {
    return SpreadsheetApp.getActiveSpreadsheet()?.getId() ?? null;
  } catch {
    return null; // opened outside a Sheet (the web app): the dialog then leaves it blank
  }
}

function serverUrl(): string | null {
  return PropertiesService.getScriptProperties().getProperty(SERVER_URL_PROPERTY) || null;
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
  const server = serverUrl();
  return {
    url,
    deployed,
    key,
    schema,
    instructions,
    instructions_version: instructionsVersion(instructions),
    server_url: server,
    mcp_url: server === null ? null : `${server}/mcp`,
    spreadsheet_id: spreadsheetId(),
  };
}

/** Replaces the API key; the GPT's schema must be pasted again. */
export function rotateApiKey(): ConnectInfo {
  rotateStoredApiKey();
  return getConnectInfo();
}

/** Stores the /exec URL shown by Deploy › Manage deployments when getService() does not know it. */
export function setWebAppUrl(url: unknown): ConnectInfo {
  const args = readScriptArgs(CONNECT_FUNCTIONS, 'setWebAppUrl', [url]);
  const text = args.ok ? args.data[0].trim() : '';
  const props = PropertiesService.getScriptProperties();
  if (text === '') props.deleteProperty(WEB_APP_URL_PROPERTY);
  else if (/^https:\/\/script\.google\.com\/\S+\/exec$/.test(text)) {
    props.setProperty(WEB_APP_URL_PROPERTY, text);
  } else {
    throw new Error('The web app URL looks like https://script.google.com/macros/s/…/exec');
  }
  return getConnectInfo();
}

/**
 * Stores the address of the hosted MindFlow server on this Sheet, e.g. https://tasks.example.com
 * (a trailing slash or /mcp is dropped). Plain http is refused except for this computer.
 */
export function setServerUrl(url: unknown): ConnectInfo {
  const args = readScriptArgs(CONNECT_FUNCTIONS, 'setServerUrl', [url]);
  if (!args.ok) throw new Error(args.error.message);
  const text = args.data[0]
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/mcp$/, '');
  const props = PropertiesService.getScriptProperties();
  if (text === '') props.deleteProperty(SERVER_URL_PROPERTY);
  else if (
    /^(https:\/\/[^\s/?#]+|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)(\/[^\s?#]*)?$/.test(text)
  ) {
    props.setProperty(SERVER_URL_PROPERTY, text);
  } else {
    throw new Error(
      'The server address looks like https://tasks.example.com: ChatGPT and Claude only connect over https',
    );
  }
  return getConnectInfo();
}

export const CONNECT_DIALOG_WIDTH = 720;
export const CONNECT_DIALOG_HEIGHT = 640;

/** Menu item: Connect ChatGPT, Claude…: the Custom GPT and the MCP app. */
export function showConnectDialog(): void {
  const page = HtmlService.createHtmlOutputFromFile('Connect')
    .setWidth(CONNECT_DIALOG_WIDTH)
    .setHeight(CONNECT_DIALOG_HEIGHT);
  SpreadsheetApp.getUi().showModalDialog(page, 'Connect ChatGPT');
}
