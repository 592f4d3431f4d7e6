import { describeTaskStoreContract } from '../testing/task-store.contract.ts';
import { MemoryTaskStore } from './memory-task-store.ts';

describeTaskStoreContract('MemoryTaskStore', () => ({ store: new MemoryTaskStore() }));
