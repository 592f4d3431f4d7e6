import type { z } from 'zod';
import type { FieldIssue } from '../wire/error-envelope.ts';

/** Names a rule the way a person reads it: "max", "min", "type", "format", "unknown_field". */
function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return 'max';
    case 'too_small':
      return 'min';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'one_of';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'custom':
      // A refine may name its rule: { params: { rule: 'range' } }.
      return typeof issue.params?.['rule'] === 'string' ? issue.params['rule'] : 'format';
    default:
      return issue.code;
  }
}

function messageOf(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field} is required`;
  // Messages written in the schema already start with the field name; zod's own don't.
  return field && !issue.message.startsWith(field.split('.').pop() ?? field)
    ? `${field}: ${issue.message}`
    : issue.message;
}

/** Every broken rule, each naming its field path and the rule. */
export function fieldIssues(error: z.core.$ZodError): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = base ? `${base}.${key}` : key;
        out.push({ field, rule: 'unknown_field', message: `${field} is not a known field` });
      }
      continue;
    }
    out.push({ field: base, rule: ruleOf(issue), message: messageOf(issue, base) });
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every text in an input that holds a lone UTF-16 surrogate, which no store keeps as sent
 * (SQLite, PostgreSQL and Sheets turn it into U+FFFD): refused, naming the field, rather than
 * acknowledged as stored and then changed.
 */
export function loneSurrogateIssues(
  input: unknown,
  path = '',
  out: FieldIssue[] = [],
): FieldIssue[] {
  if (typeof input === 'string') {
    const m = LONE_SURROGATE.exec(input);
    if (m) {
      const code = m[0].charCodeAt(0).toString(16).toUpperCase();
      const field = path || 'input';
      out.push({
        field,
        rule: 'unicode',
        message: `${field} holds a lone UTF-16 surrogate (U+${code} at position ${m.index}); send valid Unicode text`,
      });
    }
  } else if (Array.isArray(input)) {
    input.forEach((item, i) => loneSurrogateIssues(item, path ? `${path}.${i}` : String(i), out));
  } else if (input !== null && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      loneSurrogateIssues(value, path ? `${path}.${key}` : key, out);
    }
  }
  return out;
}
