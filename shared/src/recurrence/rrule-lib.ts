import * as rruleModule from 'rrule';

// rrule ships a UMD `main` and an ESM `module` without an `exports` map. Plain Node loads the
// UMD build, whose exports all sit under `default`; vitest and bundlers that prefer
// `module` load the ESM build, which has named exports and no default. Take whichever is
// there so the same source works under Node, vitest and the Apps Script bundle.
type RRuleModule = typeof rruleModule;
const loaded: RRuleModule =
  'RRule' in rruleModule && rruleModule.RRule
    ? rruleModule
    : (rruleModule as unknown as { default: RRuleModule }).default;

export const RRule = loaded.RRule;
export type RRule = InstanceType<RRuleModule['RRule']>;
