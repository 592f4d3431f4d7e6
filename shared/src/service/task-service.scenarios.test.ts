import { randomUUID } from 'node:crypto';
import { describeOperationScenarios } from '../testing/operation-scenarios.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { MemoryTaskStore } from './memory-task-store.ts';
import { TaskService } from './task-service.ts';

// The scenarios straight through the service: the baseline the hosts' transports must match.
describeOperationScenarios('TaskService on MemoryTaskStore', () => {
  const service = new TaskService({
    store: new MemoryTaskStore(),
    clock: () => Date.now(),
    newId: randomUUID,
    timeZone: intlTimeZone,
    zone: 'Europe/Berlin',
  });
  return { transport: (op, input) => service.execute(op, input) };
});
