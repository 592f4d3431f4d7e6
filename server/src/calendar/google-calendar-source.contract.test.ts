import { afterAll, beforeAll } from 'vitest';
import { describeCalendarSourceContract } from '@mindflow/shared/testing';
import { FakeCalendarServer } from '../../test-support/fake-calendar-server.ts';
import { toGoogle } from '../../test-support/seed-calendars.ts';
import { openCalendarApi, type CalendarApi } from './google-calendar-api.ts';
import { googleCalendarSource } from './google-calendar-source.ts';

const fake = new FakeCalendarServer();
let api: CalendarApi;
beforeAll(async () => {
  api = await openCalendarApi({ credentialsFile: null, apiUrl: await fake.start() });
});
afterAll(() => fake.stop());

let n = 0;
describeCalendarSourceContract('Google Calendar API (local fake)', (events) => {
  // A fresh calendar per case, and pages of three so every case also walks pageTokens.
  const id = `contract-${++n}@group.calendar.google.com`;
  fake.addCalendar(id, events.map(toGoogle));
  return { source: googleCalendarSource(api, id, { pageSize: 3 }) };
});
