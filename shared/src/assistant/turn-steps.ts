import type { OperationName } from '../catalogue/operations.ts';
import type { Result } from '../service/result.ts';
import type { AssistantContext, SyncAssistantContext } from './assistant-context.ts';
import type { ChatReply, ChatRequest, GoalSteps } from './chat-model.ts';

// The engine is written once as generators that yield port calls (run an operation, ask
// the model), like the task service's flows: the server and the page drive it with
// promises, the add-on synchronously (Apps Script cannot await UrlFetchApp or the Sheet).
// A port that throws is thrown back into the engine, where the turn's own handling runs.

export type PortStep =
  | { port: 'run'; name: OperationName; input: unknown }
  | { port: 'complete'; request: ChatRequest }
  | { port: 'breakDownGoal'; goal: string; context: { today: string; zone: string } };

export type Steps<T> = Generator<PortStep, T, unknown>;

export function* runOp(name: OperationName, input: unknown): Steps<Result<unknown>> {
  return (yield { port: 'run', name, input }) as Result<unknown>;
}

export function* complete(request: ChatRequest): Steps<ChatReply> {
  return (yield { port: 'complete', request }) as ChatReply;
}

export function* breakDown(
  goal: string,
  context: { today: string; zone: string },
): Steps<GoalSteps> {
  return (yield { port: 'breakDownGoal', goal, context }) as GoalSteps;
}

function noModel(): never {
  throw new Error('the engine asked for a model this host does not have');
}

export async function drive<T>(steps: Steps<T>, ctx: AssistantContext): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    const s = step.value;
    let answer: unknown;
    try {
      if (s.port === 'run') answer = await ctx.run(s.name, s.input);
      else if (s.port === 'complete') answer = await (ctx.model ?? noModel()).complete(s.request);
      else answer = await (ctx.model?.breakDownGoal ?? noModel).call(ctx.model, s.goal, s.context);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(answer);
  }
  return step.value;
}

export function driveSync<T>(steps: Steps<T>, ctx: SyncAssistantContext): T {
  let step = steps.next();
  while (!step.done) {
    const s = step.value;
    let answer: unknown;
    try {
      if (s.port === 'run') answer = ctx.run(s.name, s.input);
      else if (s.port === 'complete') answer = (ctx.model ?? noModel()).complete(s.request);
      else answer = (ctx.model?.breakDownGoal ?? noModel).call(ctx.model, s.goal, s.context);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(answer);
  }
  return step.value;
}
