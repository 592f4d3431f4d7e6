import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTaskStoreContract, makeTask } from '@mindflow/shared/testing';
import { FakeSheetsServer } from '../../test-support/fake-sheets-server.ts';
import { openSheetsApi, type SheetsApi } from './sheets-api.ts';
import { SheetsTaskStore } from './task-store.sheets.ts';

const HEADER = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'due',
  'effort_minutes',
  'preferred_time',
  'tags',
  'snoozed_until',
  'repeat',
  'created_at',
  'updated_at',
  'completed_at',
];

describe('SheetsTaskStore', () => {
  const fake = new FakeSheetsServer();
  let api: SheetsApi;
  let n = 0;
  beforeAll(async () => {
    api = await openSheetsApi({ apiUrl: await fake.start(), credentialsFile: null });
  });
  afterAll(() => fake.stop());

  describeTaskStoreContract('SheetsTaskStore on the fake Sheets API', () => {
    const id = `sheet-${++n}-abcdefghij`;
    fake.addSpreadsheet(id);
    return { store: new SheetsTaskStore(api, id, 'Tasks') };
  });

  describe('layout', () => {
    it("creates the tab with the add-on's header row and keeps text as text", async () => {
      fake.addSpreadsheet('layout-abcdefghij');
      const store = new SheetsTaskStore(api, 'layout-abcdefghij', 'Tasks');
      const task = makeTask({
        title: '=SUM(A1:A9)',
        description: '0042',
        tags: ['a', 'b'],
        priority: 5,
      });
      await store.insert(task);
      const rows = fake.tab('layout-abcdefghij', 'Tasks')!;
      expect(rows[0]).toEqual(HEADER);
      expect(rows[1]![1]).toBe('=SUM(A1:A9)');
      expect(rows[1]![2]).toBe('0042');
      expect(rows[1]![4]).toBe(5);
      expect(rows[1]![8]).toBe('a, b');
    });

    it('finds columns by header name, keeps the user’s own columns, and gives hand-typed rows a lasting id', async () => {
      fake.addSpreadsheet('typed-abcdefghij', {
        Tasks: [
          [
            'Notes',
            'Title',
            'Priority',
            'Due',
            ...HEADER.filter((h) => !['title', 'priority', 'due'].includes(h)),
          ],
          ['keep me', 'Call mom', 'high', '2026-12-01'],
        ],
      });
      const store = new SheetsTaskStore(api, 'typed-abcdefghij', 'Tasks');
      const [first] = await store.listActive();
      expect(first).toMatchObject({
        title: 'Call mom',
        priority: 4,
        due: '2026-12-01',
        status: 'pending',
      });
      expect((await store.listActive())[0]!.id).toBe(first!.id);
      const row = fake.tab('typed-abcdefghij', 'Tasks')![1]!;
      expect(row[0]).toBe('keep me');
      expect(row[4]).toBe(first!.id);
      expect(await store.update({ ...first!, title: 'Call mum' }, first!.updated_at)).toBe('ok');
      expect(fake.tab('typed-abcdefghij', 'Tasks')![1]![0]).toBe('keep me');
    });

    it('reports an unreachable API as unavailable', async () => {
      const dead = await openSheetsApi({ apiUrl: 'http://127.0.0.1:9', credentialsFile: null });
      await expect(
        new SheetsTaskStore(dead, 'x-abcdefghij', 'Tasks').get('x'),
      ).rejects.toMatchObject({
        name: 'StoreUnavailableError',
      });
    });
  });
});
