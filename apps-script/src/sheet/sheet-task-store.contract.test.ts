import { TASK_FIELDS } from '@mindflow/shared';
import { describeTaskStoreContract } from '@mindflow/shared/testing';
import { loadBundle } from '@mindflow/apps-script-emulator';
import { HARNESS_CODE_JS } from '../../test-support/build-harness.ts';
import { emulatedStore } from '../../test-support/emulated-store.ts';

// The shared TaskStore contract, on SheetTaskStore running inside the Apps Script emulator:
// every call is a fresh execution over the same emulated spreadsheet.
describeTaskStoreContract('SheetTaskStore (Apps Script emulator)', () => {
  const app = loadBundle(HARNESS_CODE_JS, { now: '2026-11-27T15:00:00Z' });
  app.emulator.seedSheet('Tasks', [[...TASK_FIELDS]]);
  return { store: emulatedStore(app) };
});
