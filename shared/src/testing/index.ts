export * from './task-factory.ts';
export * from './task-store.contract.ts';
export * from './operation-scenarios.ts';
export * from './task-arbitrary.ts';
export * from './calendar-source.contract.ts';
export * from './listen-on-free-port.ts';
export * from './needed-in-ci.ts';
