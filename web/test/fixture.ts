import {
  fixedCalendar,
  type CalendarEvent,
  type OperationName,
  type TaskService,
} from '@mindflow/shared';
import { memoryChatClient } from '../src/client/memory-chat-client.ts';
import { memoryClient } from '../src/client/memory-client.ts';
import type { MindFlowClient } from '../src/client/mindflow-client.ts';
import { fakeGoogleScriptRun } from './fake-google-script-run.ts';
import { testService } from './service-fixture.ts';
// For window.MindFlowSidebar's type: the sidebar bundle defines it on the same page.
import type {} from '../src/sidebar.ts';

// The browser tests' page script (bundled to dist/test/fixture.js by the globalSetup): the
// real core — TaskService on a MemoryTaskStore — with a clock the test sets, reachable as
// a memoryClient or behind a fake google.script.run. It defines no elements: those come
// from the real sidebar bundle on the same page.

export interface FixtureOptions {
  /** ISO instant the clock starts at. */
  now: string;
  zone: string;
  /** createTask inputs to save before the sidebar mounts. */
  tasks?: Record<string, unknown>[];
  /** Mount with the offline assistant, which shows the "Ask" tab. */
  chat?: boolean;
  /** The calendar getDailyPlan reads (none: plans see no meetings). */
  events?: CalendarEvent[];
}

export interface Fixture {
  service: TaskService;
  client: MindFlowClient;
  clock: () => number;
  /** Runs an operation as another user would, behind the sidebar's back. */
  run(op: OperationName, input: Record<string, unknown>): Promise<unknown>;
}

function start(options: FixtureOptions): Fixture {
  const now = Date.parse(options.now);
  const clock = () => now;
  const service = testService({
    clock,
    zone: options.zone,
    ...(options.events ? { calendar: fixedCalendar(options.events) } : {}),
  });
  const fixture: Fixture = {
    service,
    client: memoryClient(service),
    clock,
    run: (op, input) => service.execute(op, input),
  };
  for (const input of options.tasks ?? []) {
    const created = service.executeSync('createTask', input);
    if (!created.ok) throw new Error(`seed task rejected: ${created.error.message}`);
  }
  window.mfTest.current = fixture;
  return fixture;
}

/** Mounts the sidebar on a memoryClient; the quick-add preview reads the same clock. */
function mountMemory(options: FixtureOptions): void {
  const fixture = start(options);
  const root = document.getElementById('root');
  if (!root) throw new Error('the test page has no #root');
  window.MindFlowSidebar.mount(root, fixture.client, {
    clock: fixture.clock,
    ...(options.chat
      ? {
          chatClient: memoryChatClient(fixture.service, {
            zone: options.zone,
            clock: fixture.clock,
          }),
        }
      : {}),
  });
}

/** Gives the page the add-on's two server functions, as Sidebar.html will see them. */
function installGoogleScriptRun(options: FixtureOptions): void {
  const fixture = start(options);
  const run = fakeGoogleScriptRun({
    runOperation: (op: string, input: unknown) => fixture.service.executeSync(op, input),
    getSidebarContext: () => ({
      time_zone: options.zone,
      user: 'ada@example.com',
      sheet_url: 'https://docs.google.com/spreadsheets/d/test',
    }),
  });
  (window as { google?: unknown }).google = { script: { run } };
}

export interface MfTest {
  current: Fixture | undefined;
  mountMemory: typeof mountMemory;
  installGoogleScriptRun: typeof installGoogleScriptRun;
}

declare global {
  interface Window {
    mfTest: MfTest;
  }
}

window.mfTest = { current: undefined, mountMemory, installGoogleScriptRun };
