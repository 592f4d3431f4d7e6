import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { answerJson } from './mcp-exchanges.ts';

// An answer is sent as answerJson writes it, which must be JSON.stringify's text byte for
// byte: a client parses it, and the SDK's own transport would have sent exactly that.

// Strings meant to confuse a search in the JSON: the placeholder itself, quotes, escapes,
// a replacement pattern, non-ASCII.
const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '"structuredContent":0',
    '\\"structuredContent\\":0',
    '$& $1 $$',
    '"}]}',
    'Café ☕ 𝄞',
    '\u0000\u2028',
  ),
);
const value = fc.dictionary(
  fc.oneof(fc.string(), fc.constant('structuredContent')),
  fc.oneof(tricky, fc.integer(), fc.constant(null), fc.array(tricky, { maxLength: 3 })),
  { maxKeys: 6 },
);
const id = fc.oneof(fc.integer(), tricky);

const toolAnswer = (data: object, answerId: string | number): JSONRPCMessage =>
  ({
    result: { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data },
    jsonrpc: '2.0',
    id: answerId,
  }) as JSONRPCMessage;

describe('answerJson', () => {
  it('is JSON.stringify of a tool result, whatever its data holds', () => {
    fc.assert(
      fc.property(value, id, (data, answerId) => {
        const answer = toolAnswer(data, answerId);
        expect(answerJson(answer)).toBe(JSON.stringify(answer));
      }),
      { numRuns: 500 },
    );
  });

  it('is JSON.stringify of every other answer', () => {
    fc.assert(
      fc.property(value, id, (data, answerId) => {
        const answers = [
          { jsonrpc: '2.0', id: answerId, error: { code: -32602, message: JSON.stringify(data) } },
          {
            jsonrpc: '2.0',
            id: answerId,
            result: { isError: true, content: [{ type: 'text', text: JSON.stringify(data) }] },
          },
          { jsonrpc: '2.0', id: answerId, result: { tools: [data] } },
          {
            jsonrpc: '2.0',
            id: answerId,
            result: { content: [], structuredContent: data },
          },
        ] as JSONRPCMessage[];
        for (const answer of answers) expect(answerJson(answer)).toBe(JSON.stringify(answer));
      }),
    );
  });
});
