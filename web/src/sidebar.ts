import {
  appsScriptChatClient,
  appsScriptClient,
  httpChatClient,
  httpClient,
  type ChatClient,
  type MindFlowClient,
} from './client/index.ts';
import './components/mf-app.ts';

// The bundle's entry: dist/mindflow-sidebar.js defines the <mf-…> elements and this one
// global. The add-on's Sidebar.html calls mount() with no client (google.script.run); the
// server's dashboard passes httpClient(...).

export interface MountOptions {
  /** Pins "now" for demos and tests; the sidebar otherwise reads Date.now(). */
  clock?: () => number;
  /** The "Ask" tab's assistant; in the add-on (no client given) its chat functions. */
  chatClient?: ChatClient;
}

function mount(
  el: Element,
  client?: MindFlowClient,
  options: MountOptions = {},
): HTMLElementTagNameMap['mf-app'] {
  const app = document.createElement('mf-app');
  app.client = client ?? appsScriptClient();
  app.chatClient = options.chatClient ?? (client ? undefined : appsScriptChatClient());
  if (options.clock) app.clock = options.clock;
  el.replaceChildren(app);
  return app;
}

const MindFlowSidebar = { mount, appsScriptClient, httpClient, httpChatClient };

declare global {
  interface Window {
    MindFlowSidebar: typeof MindFlowSidebar;
  }
}

window.MindFlowSidebar = MindFlowSidebar;
