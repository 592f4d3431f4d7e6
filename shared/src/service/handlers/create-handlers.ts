import type { z } from 'zod';
import type { Task } from '../../task/task.schema.ts';
import { TaskCreateInput } from '../../task/task.schema.ts';
import { isoUtc } from '../../task/task-time.ts';
import { parseQuickAdd } from '../../quick-add/quick-add.ts';
import type { OperationInput, OperationOutput } from '../../catalogue/operations.ts';
import { fail, ok, validationFailed, type Result } from '../result.ts';
import { use, type Flow } from '../task-flow.ts';
import type { OperationContext } from '../operation-context.ts';
import { fieldIssues } from '../validation.ts';

export function newTask(input: z.output<typeof TaskCreateInput>, ctx: OperationContext): Task {
  const at = isoUtc(ctx.now);
  return {
    id: ctx.newId(),
    title: input.title,
    description: input.description ?? null,
    status: input.status ?? 'pending',
    priority: input.priority ?? 3,
    due: input.due ?? null,
    effort_minutes: input.effort_minutes ?? null,
    preferred_time: input.preferred_time ?? null,
    tags: input.tags ?? [],
    snoozed_until: null,
    repeat: input.repeat ?? null,
    created_at: at,
    updated_at: at,
    completed_at: null,
  };
}

function* insertTask(task: Task): Flow<Result<Task>> {
  const outcome = yield* use((s) => s.insert(task));
  if (outcome === 'conflict') return fail('conflict', `A task with id ${task.id} exists already`);
  return ok(task);
}

export function* createTask(
  input: OperationInput<'createTask'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'createTask'>>> {
  return yield* insertTask(newTask(input, ctx));
}

export function* quickAddTask(
  input: OperationInput<'quickAddTask'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'quickAddTask'>>> {
  const parsed = parseQuickAdd(input.text, { now: ctx.now, calendar: ctx.calendar });
  const f = parsed.fields;
  if (f.title === '') {
    return validationFailed([
      {
        field: 'text',
        rule: 'title',
        message: 'text has no words left for a title once the date, priority and tags are read',
      },
    ]);
  }
  const candidate = TaskCreateInput.safeParse({
    title: f.title,
    due: f.due,
    priority: f.priority ?? undefined,
    effort_minutes: f.effort_minutes,
    tags: f.tags,
    preferred_time: f.preferred_time,
    repeat: f.repeat,
  });
  if (!candidate.success) return validationFailed(fieldIssues(candidate.error));
  const task = newTask(candidate.data, ctx);
  const understood = parsed.tokens.filter((t) => t.kind !== 'title' && t.kind !== 'connective');
  if (input.dry_run) return ok({ task, saved: false, understood });
  const saved = yield* insertTask(task);
  if (!saved.ok) return saved;
  return ok({ task: saved.data, saved: true, understood });
}
