import { describeOperationScenarios } from '@mindflow/shared/testing';
import { setUpAddOn, webTransport } from '../../test-support/add-on.ts';

// The shared operation scenarios, through doGet/doPost of the built bundle in the emulator:
// what the Custom GPT sees.
describeOperationScenarios('Apps Script web app (emulator)', () => {
  const { app, key } = setUpAddOn();
  return { transport: webTransport(app, key) };
});
