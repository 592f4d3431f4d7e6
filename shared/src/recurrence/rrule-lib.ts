import * as rruleModule from 'rrule';

// rrule ships a UMD `main` and an ESM `module` without an `exports` map. Plain Node loads the
// UMD build, whose exports all sit under `default`; vitest and bundlers that prefer
// `module` load the ESM build, which has named exports and no default. Take whichever is
// there so the same source works under Node, vitest and the Apps Script bundle. (Read
// through a plain record so bundlers do not warn that the ESM build has no `default`.)
type RRuleModule = typeof rruleModule;
const exported: Record<string, unknown> = rruleModule;
const loaded = ('RRule' in exported && exported.RRule ? exported : exported.default) as RRuleModule;

export const RRule = loaded.RRule;
export type RRule = InstanceType<RRuleModule['RRule']>;
