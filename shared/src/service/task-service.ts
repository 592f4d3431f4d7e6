import {
  OPERATIONS,
  isOperationName,
  type OperationName,
  type OperationOutput,
} from '../catalogue/operations.ts';
import { DEFAULT_SCORING, type ScoringConfig } from '../scoring/scoring-config.ts';
import type { ScoringContext } from '../scoring/score-task.ts';
import { ZonedCalendar, type TimeZonePort } from '../time/time-zone.ts';
import {
  fail,
  StoreLimitError,
  StoreUnavailableError,
  validationFailed,
  type Result,
} from './result.ts';
import { runFlow, runFlowSync, type Flow, type FlowPorts } from './task-flow.ts';
import type { OperationContext } from './operation-context.ts';
import type { TaskStore } from './task-store.ts';
import { fieldIssues, loneSurrogateIssues } from './validation.ts';
import { createTask, quickAddTask } from './handlers/create-handlers.ts';
import { completeTask, deleteTask, snoozeTask, updateTask } from './handlers/change-handlers.ts';
import { getBestTask, getTask, listTasks, rankTasks } from './handlers/read-handlers.ts';
import { getDailyPlan } from './handlers/plan-handlers.ts';
import {
  defaultPlanSettings,
  resolvePlanSettings,
  type PlanSettings,
  type PlanSettingsInput,
} from '../planner/plan-settings.ts';
import { CalendarUnavailableError, type CalendarSource } from '../planner/calendar-source.ts';

export interface TaskServiceDeps {
  store: TaskStore;
  /** Milliseconds since the epoch. */
  clock: () => number;
  newId: () => string;
  timeZone: TimeZonePort;
  /** The user's IANA zone: every "today" and "hour of day" is read in it. */
  zone: string;
  scoring?: ScoringConfig;
  maxResponseChars?: number;
  /** Free time before the next meeting, when the host knows the calendar. */
  scoringContext?: (now: number) => ScoringContext | undefined;
  /** The user's planning profile and calendar, for getDailyPlan; both optional. */
  planning?: {
    /** Working hours, days, lunch, buffers… as parsed from the user's settings. */
    settings?: PlanSettingsInput;
    /** Absent: plans see no meetings. */
    calendar?: CalendarSource;
  };
  /** Called with every unexpected error before it becomes an `internal` result. */
  onError?: (error: unknown, operation: string) => void;
}

type Handler = (input: never, ctx: OperationContext) => Flow<Result<unknown>>;

const HANDLERS: { [K in OperationName]: Handler } = {
  createTask,
  quickAddTask,
  listTasks,
  getTask,
  updateTask,
  completeTask,
  snoozeTask,
  deleteTask,
  getBestTask,
  rankTasks,
  getDailyPlan,
};

/** Executes catalogue operations on a TaskStore: validation, handler, typed result. */
export class TaskService {
  private readonly deps: TaskServiceDeps;
  private readonly ports: FlowPorts;
  private readonly planSettings: PlanSettings;
  readonly calendar: ZonedCalendar;

  /** Throws when `planning.settings` is invalid: a host's configuration bug, found at boot. */
  constructor(deps: TaskServiceDeps) {
    this.deps = deps;
    this.calendar = new ZonedCalendar(deps.timeZone, deps.zone);
    this.ports = { store: deps.store, calendar: deps.planning?.calendar ?? null };
    const settings = deps.planning?.settings;
    this.planSettings = settings ? resolvePlanSettings(settings) : defaultPlanSettings();
  }

  /** For asynchronous stores (and synchronous ones). */
  async execute<K extends OperationName>(
    name: K,
    input: unknown,
  ): Promise<Result<OperationOutput<K>>>;
  async execute(name: string, input: unknown): Promise<Result<unknown>>;
  async execute(name: string, input: unknown): Promise<Result<unknown>> {
    const prepared = this.prepare(name, input);
    if ('error' in prepared) return prepared.error;
    try {
      return await runFlow(prepared.flow, this.ports);
    } catch (error) {
      return this.failure(error, name);
    }
  }

  /** For synchronous stores only (Apps Script). */
  executeSync<K extends OperationName>(name: K, input: unknown): Result<OperationOutput<K>>;
  executeSync(name: string, input: unknown): Result<unknown>;
  executeSync(name: string, input: unknown): Result<unknown> {
    const prepared = this.prepare(name, input);
    if ('error' in prepared) return prepared.error;
    try {
      return runFlowSync(prepared.flow, this.ports);
    } catch (error) {
      return this.failure(error, name);
    }
  }

  private prepare(
    name: string,
    input: unknown,
  ): { flow: Flow<Result<unknown>> } | { error: Result<never> } {
    if (!isOperationName(name)) {
      return { error: fail('not_found', `Unknown operation '${name}'`, { operation: name }) };
    }
    const unicode = loneSurrogateIssues(input);
    if (unicode.length > 0) return { error: validationFailed(unicode) };
    const parsed = OPERATIONS[name].input.safeParse(input ?? {});
    if (!parsed.success) return { error: validationFailed(fieldIssues(parsed.error)) };
    const now = this.deps.clock();
    const context = this.deps.scoringContext?.(now);
    const ctx: OperationContext = {
      now,
      calendar: this.calendar,
      newId: this.deps.newId,
      scoring: this.deps.scoring ?? DEFAULT_SCORING,
      maxResponseChars: this.deps.maxResponseChars ?? 90_000,
      planSettings: this.planSettings,
      ...(context ? { scoringContext: context } : {}),
    };
    return { flow: HANDLERS[name](parsed.data as never, ctx) };
  }

  private failure(error: unknown, name: string): Result<never> {
    if (error instanceof StoreUnavailableError) {
      return fail('unavailable', 'The task store is unavailable right now; try again shortly');
    }
    if (error instanceof StoreLimitError) return fail('conflict', error.message, error.details);
    if (error instanceof CalendarUnavailableError) {
      return fail('unavailable', 'Your calendar could not be read right now; try again shortly');
    }
    this.deps.onError?.(error, name);
    return fail('internal', 'Something went wrong on our side; the error has been logged');
  }
}
