import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assistantTools, ChatModelError } from '@mindflow/shared';
import { startFakeOpenAi, type FakeOpenAi } from '../../test-support/fake-openai-server.ts';
import { OpenAiChatModel, type OpenAiSettings } from './openai-chat-model.ts';

// The adapter with the real openai SDK, over HTTP, against the local fake endpoint.

describe('OpenAiChatModel', () => {
  let fake: FakeOpenAi;
  let settings: OpenAiSettings;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.whenEmpty(null);
    settings = {
      apiKey: 'sk-test',
      baseUrl: fake.url,
      model: 'gpt-test',
      timeoutMs: 5000,
      maxRetries: 2,
      maxTokens: 321,
    };
  });

  const ask = (model: OpenAiChatModel, deltas: string[] = []) =>
    model.complete({
      messages: [{ role: 'user', content: 'hi' }],
      tools: assistantTools(),
      onText: (d) => deltas.push(d),
    });

  it('streams text in deltas and sends the catalogue as tools, the model and the token cap', async () => {
    fake.script({ text: 'Your next task is the report.' });
    const deltas: string[] = [];
    const reply = await ask(new OpenAiChatModel(settings), deltas);
    expect(reply).toEqual({ content: 'Your next task is the report.', tool_calls: [] });
    expect(deltas.length).toBeGreaterThan(2);
    const body = fake.requests[0]!.body;
    expect(body).toMatchObject({ model: 'gpt-test', stream: true, max_completion_tokens: 321 });
    const tools = body.tools as { type: string; function: { name: string; parameters: object } }[];
    expect(tools.map((t) => t.function.name)).toContain('quickAddTask');
    expect(tools[0]!.function.parameters).toMatchObject({ type: 'object' });
  });

  it('puts streamed tool calls back together, malformed arguments and all', async () => {
    fake.script({
      tools: [
        { name: 'createTask', arguments: '{"title":"Buy milk","priority":4}', id: 'call_a' },
        { name: 'noSuchTool', arguments: '{"title": ', id: 'call_b' },
      ],
    });
    const reply = await ask(new OpenAiChatModel(settings));
    expect(reply.tool_calls).toEqual([
      { id: 'call_a', name: 'createTask', arguments: '{"title":"Buy milk","priority":4}' },
      { id: 'call_b', name: 'noSuchTool', arguments: '{"title": ' },
    ]);
  });

  it('retries a 429 with the SDK’s backoff, then answers', async () => {
    fake.script(
      { status: 429, message: 'Rate limit', headers: { 'retry-after-ms': '20' } },
      { text: 'ok' },
    );
    const reply = await ask(new OpenAiChatModel(settings));
    expect(reply.content).toBe('ok');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up with a clear error when the endpoint does not answer in time', async () => {
    fake.script({ hangMs: 3000 });
    const started = Date.now();
    const error = await ask(
      new OpenAiChatModel({ ...settings, timeoutMs: 200, maxRetries: 0 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatModelError);
    expect((error as Error).message).toBe('it did not answer in time');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('names a refused key and a failing service without leaking either', async () => {
    const refused = await ask(new OpenAiChatModel({ ...settings, apiKey: 'sk-wrong' })).catch(
      (e: unknown) => e,
    );
    expect((refused as Error).message).toBe('the AI service refused the key');
    fake.whenEmpty(() => ({ status: 503, message: 'overloaded' }));
    const down = await ask(new OpenAiChatModel({ ...settings, maxRetries: 1 })).catch(
      (e: unknown) => e,
    );
    expect((down as Error).message).toBe('the AI service answered 503');
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('breaks a goal down through structured output with the zod schema', async () => {
    fake.script({
      json: {
        goal: 'launch the newsletter',
        steps: [
          { title: 'Draft it', effort_minutes: 60 },
          { title: 'Send it', effort_minutes: 15 },
        ],
      },
    });
    const steps = await new OpenAiChatModel(settings).breakDownGoal('launch the newsletter', {
      today: '2026-12-02',
      zone: 'Europe/Berlin',
    });
    expect(steps.steps.map((s) => s.title)).toEqual(['Draft it', 'Send it']);
    const format = fake.requests[0]!.body.response_format as {
      type: string;
      json_schema: { name: string; strict: boolean };
    };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema).toMatchObject({ name: 'goal_steps', strict: true });
  });
});
