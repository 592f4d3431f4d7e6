import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from './openapi.ts';

// The documents generated before the HTTP bindings, the error envelope and the
// idempotency-key rule came from one zod source (fixtures/before-bindings.*.json), against
// today's: every difference must be one of the intended changes listed here, so a change
// to the generator that alters anything else fails.

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Each leaf or subtree that differs: `+` only in `after`, `-` only in `before`, `~` changed. */
function differences(before: unknown, after: unknown, path: string[] = []): string[] {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    x !== null && typeof x === 'object';
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) => {
      const at = [...path, key];
      if (!(key in after)) return [`- ${at.join(' ')}`];
      if (!(key in before)) return [`+ ${at.join(' ')}`];
      return differences(before[key], after[key], at);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [`~ ${path.join(' ')}`];
}

/** The differences with the path and method written as *, counted. */
function grouped(diffs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of diffs) {
    const key = d.replace(/^([-+~] paths) \S+ (get|post|patch|delete)\b/, '$1 * *');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const BODY_KEY = 'requestBody content application/json schema properties idempotency_key';
const ERROR = 'responses default content application/json schema';
const ENVELOPE = 'responses 200 content application/json schema oneOf';

describe('openapi drift', () => {
  it('rest: differs from the document before only by the intended changes', () => {
    const after = generateOpenApi({ style: 'rest', serverUrl: 'https://mindflow.example.com' });
    const diffs = differences(fixture('before-bindings.rest.json'), after);
    expect(grouped(diffs)).toEqual({
      // Every operation names its group for the docs.
      '+ paths * * tags': 11,
      // One idempotency-key rule everywhere: 1–255 visible ASCII (was maxLength 200 here, 255 on the server).
      [`~ paths * * ${BODY_KEY} maxLength`]: 5,
      [`~ paths * * ${BODY_KEY} description`]: 5,
      [`+ paths * * ${BODY_KEY} minLength`]: 5,
      [`+ paths * * ${BODY_KEY} pattern`]: 5,
      // The error envelope comes from its zod schema, shared as components/schemas/Error.
      [`- paths * * ${ERROR} properties error type`]: 11,
      [`- paths * * ${ERROR} properties error properties`]: 11,
      [`- paths * * ${ERROR} properties error required`]: 11,
      [`+ paths * * ${ERROR} properties error $ref`]: 11,
      [`+ paths * * ${ERROR} additionalProperties`]: 11,
      '+ components schemas Error': 1,
      // Creates answer 201 with Location (quick add: 200 for a dry run), deletes 204.
      '- paths * * responses 200': 2,
      '+ paths * * responses 201': 2,
      '+ paths * * responses 204': 1,
      '~ paths * * responses 200 description': 1,
      // Tasks carry their ETag; GET honours If-None-Match (304), PATCH If-Match (412).
      '+ paths * * responses 200 headers': 3,
      '+ paths * * responses 304': 1,
      '+ paths * * responses 412': 2,
      // Path ids are documented from the zod schema that validates them (a UUID pattern).
      '+ paths * * parameters 0 schema pattern': 5,
      '+ paths * * parameters 0 description': 3,
      // One priority vocabulary (P1 highest … P5 lowest): descriptions say it; the plan's
      // top tasks carry their priority; scores say their scale.
      '~ components schemas Task properties priority description': 1,
      '~ paths * * requestBody content application/json schema properties priority description': 2,
      '~ paths * * description': 3,
      '+ paths * * responses 200 content application/json schema properties ranked items properties score description': 1,
      '+ paths * * responses 200 content application/json schema properties top_tasks items properties priority': 1,
      '+ paths * * responses 200 content application/json schema properties top_tasks items required 5': 1,
      '~ paths * * responses 200 content application/json schema properties top_tasks items required 2': 1,
      '~ paths * * responses 200 content application/json schema properties top_tasks items required 3': 1,
      '~ paths * * responses 200 content application/json schema properties top_tasks items required 4': 1,
      // completeTask takes the occurrence it was shown (expected_due) and honours If-Match.
      '+ paths * * requestBody content application/json schema properties expected_due': 1,
      '+ paths * * requestBody content application/json schema properties expected_updated_at': 1,
      // getBestTask: 200 with task null and a reason when nothing is open (was 404).
      '- paths * * responses 200 content application/json schema type': 1,
      '- paths * * responses 200 content application/json schema properties': 1,
      '- paths * * responses 200 content application/json schema required': 1,
      '- paths * * responses 200 content application/json schema additionalProperties': 1,
      '+ paths * * responses 200 content application/json schema anyOf': 1,
    });
  });

  it('apps-script: differs from the document before only by the intended changes', () => {
    const after = generateOpenApi({
      style: 'apps-script',
      serverUrl: 'https://script.google.com/macros/s/X/exec',
      apiKey: 'mf_key',
    });
    const diffs = differences(fixture('before-bindings.apps-script.json'), after);
    expect(grouped(diffs)).toEqual({
      // One idempotency-key rule everywhere (the add-on took up to 200 characters of anything).
      [`~ paths * * ${BODY_KEY} maxLength`]: 6,
      [`~ paths * * ${BODY_KEY} description`]: 6,
      [`+ paths * * ${BODY_KEY} minLength`]: 6,
      [`+ paths * * ${BODY_KEY} pattern`]: 6,
      // The envelope comes from its zod schema; its error is components/schemas/Error.
      [`+ paths * * ${ENVELOPE} 0 additionalProperties`]: 11,
      [`+ paths * * ${ENVELOPE} 0 properties ok type`]: 11,
      [`+ paths * * ${ENVELOPE} 1 additionalProperties`]: 11,
      [`+ paths * * ${ENVELOPE} 1 properties ok type`]: 11,
      [`- paths * * ${ENVELOPE} 1 properties error type`]: 11,
      [`- paths * * ${ENVELOPE} 1 properties error properties`]: 11,
      [`- paths * * ${ENVELOPE} 1 properties error required`]: 11,
      [`+ paths * * ${ENVELOPE} 1 properties error $ref`]: 11,
      '+ components schemas Error': 1,
      // One priority vocabulary (P1 highest … P5 lowest): descriptions say it; the plan's
      // top tasks carry their priority; scores say their scale.
      '~ components schemas Task properties priority description': 1,
      '~ paths * * requestBody content application/json schema properties priority description': 2,
      '~ paths * * description': 3,
      [`+ paths * * ${ENVELOPE} 0 properties data properties ranked items properties score description`]: 1,
      [`+ paths * * ${ENVELOPE} 0 properties data properties top_tasks items properties priority`]: 1,
      [`+ paths * * ${ENVELOPE} 0 properties data properties top_tasks items required 5`]: 1,
      [`~ paths * * ${ENVELOPE} 0 properties data properties top_tasks items required 2`]: 1,
      [`~ paths * * ${ENVELOPE} 0 properties data properties top_tasks items required 3`]: 1,
      [`~ paths * * ${ENVELOPE} 0 properties data properties top_tasks items required 4`]: 1,
      // completeTask takes the occurrence it was shown (expected_due, expected_updated_at).
      '+ paths * * requestBody content application/json schema properties expected_due': 1,
      '+ paths * * requestBody content application/json schema properties expected_updated_at': 1,
      // getBestTask: task null and a reason when nothing is open (was not_found).
      [`- paths * * ${ENVELOPE} 0 properties data type`]: 1,
      [`- paths * * ${ENVELOPE} 0 properties data properties`]: 1,
      [`- paths * * ${ENVELOPE} 0 properties data required`]: 1,
      [`- paths * * ${ENVELOPE} 0 properties data additionalProperties`]: 1,
      [`+ paths * * ${ENVELOPE} 0 properties data anyOf`]: 1,
    });
  });
});
