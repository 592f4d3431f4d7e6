import { describeCalendarSourceContract } from '@mindflow/shared/testing';
import { SEED_OWNER as ME, toIcs } from '../../test-support/seed-calendars.ts';
import { icsCalendarSource } from './ics-events.ts';

describeCalendarSourceContract('ICS feed', (events) => ({
  source: icsCalendarSource(() => [toIcs(events)], { selfEmail: ME }),
}));
