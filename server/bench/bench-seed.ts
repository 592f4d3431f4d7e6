import { randomUUID } from 'node:crypto';
import type { Task } from '@mindflow/shared';
import type { SqlClient } from '../src/db/sql-client.ts';
import { SqlTaskStore } from '../src/stores/task-store.sql.ts';

export interface BenchUser {
  token: string;
  id: string;
  taskIds: string[];
}

export async function register(
  url: string,
  email: string,
  timeZone = 'America/New_York',
): Promise<BenchUser> {
  const res = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'benchmark password', time_zone: timeZone }),
  });
  if (res.status !== 201) throw new Error(`register ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { token: body.token, id: body.user.id, taskIds: [] };
}

/** Active tasks with the spread of fields real lists have: dues, windows, efforts, tags. */
export function benchTasks(n: number, now: number): Task[] {
  const day = 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const created = new Date(now - (n - i) * 60_000).toISOString();
    const dueKind = i % 4;
    const due =
      dueKind === 0
        ? null
        : dueKind === 1
          ? new Date(now + ((i % 30) - 5) * day).toISOString().slice(0, 10)
          : new Date(now + ((i % 200) - 20) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      id: randomUUID(),
      title: `Task ${i}: review the quarterly numbers with the team`,
      description: i % 3 === 0 ? `Notes for task ${i}\nsecond line` : null,
      status: i % 5 === 0 ? 'in_progress' : 'pending',
      priority: (i % 5) + 1,
      due,
      effort_minutes: i % 6 === 0 ? null : ((i % 8) + 1) * 15,
      preferred_time: ([null, 'morning', 'afternoon', 'evening'] as const)[i % 4] ?? null,
      tags: i % 2 ? ['work', `area${i % 7}`] : ['home'],
      snoozed_until: null,
      repeat: null,
      created_at: created,
      updated_at: created,
      completed_at: null,
    };
  });
}

/** Seeds straight into the server's database, as the migrate CLI would. */
export async function seed(db: SqlClient, user: BenchUser, tasks: Task[]): Promise<void> {
  const store = new SqlTaskStore(db, user.id);
  for (let i = 0; i < tasks.length; i += 1000) await store.upsertMany(tasks.slice(i, i + 1000));
  user.taskIds = tasks.map((t) => t.id);
}
