import { afterAll, beforeAll } from 'vitest';
import { describeCalendarSourceContract } from '@mindflow/shared/testing';
import { FeedServer } from '../../test-support/feed-server.ts';
import { toIcs } from '../../test-support/seed-calendars.ts';
import { icsUrlCalendarSource } from './ics-url-source.ts';

const feeds = new FeedServer();
beforeAll(() => feeds.start());
afterAll(() => feeds.stop());

let n = 0;
describeCalendarSourceContract('ICS feed over HTTP', (events) => ({
  source: icsUrlCalendarSource(feeds.serve(`/contract-${++n}.ics`, toIcs(events)), {
    selfEmail: 'me@example.com',
    allowPrivateHosts: true,
  }),
}));
