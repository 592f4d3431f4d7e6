import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnFreePort } from './listen-on-free-port.ts';

// A local stand-in for an OpenAI-compatible Chat Completions endpoint, spoken to by the real
// `openai` SDK through baseURL. It plays scripted answers in order: streamed text (in
// several chunks), streamed tool calls (arguments split across chunks, as the real API
// sends them), a JSON completion for structured output, an HTTP error with its headers
// (429 with retry-after-ms), or silence for longer than the client waits.

export interface ScriptedToolCall {
  name: string;
  /** Sent as is: may be malformed JSON on purpose. */
  arguments: string;
  id?: string;
}

export type FakeReply =
  | { text: string }
  | { tools: ScriptedToolCall[]; text?: string }
  | { json: unknown }
  | { status: number; message?: string; headers?: Record<string, string> }
  | { hangMs: number };

export interface FakeOpenAiRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> & {
    messages: { role: string; content: unknown; tool_call_id?: string }[];
  };
}

export interface FakeOpenAi {
  /** The baseURL to give the SDK (…/v1). */
  url: string;
  requests: FakeOpenAiRequest[];
  /** Queue answers, played one per request. */
  script(...replies: FakeReply[]): void;
  /** Answered when the queue is empty (default: 500). */
  whenEmpty(reply: ((req: FakeOpenAiRequest) => FakeReply) | null): void;
  close(): Promise<void>;
}

const created = () => Math.floor(Date.now() / 1000);

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: created(),
    model: 'fake-model',
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  })}\n\n`;
}

/** "abcdef" → ["ab", "cd", "ef"]: at least two pieces when it is long enough. */
function pieces(text: string, size = 4): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length === 0 ? [''] : out;
}

function stream(res: ServerResponse, reply: { text?: string; tools?: ScriptedToolCall[] }) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk({ role: 'assistant', content: '' }));
  for (const p of reply.text ? pieces(reply.text, 6) : []) res.write(chunk({ content: p }));
  (reply.tools ?? []).forEach((call, index) => {
    const id = call.id ?? `call_${index}_${Math.random().toString(36).slice(2, 8)}`;
    res.write(
      chunk({
        tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const p of pieces(call.arguments, 5)) {
      res.write(chunk({ tool_calls: [{ index, function: { arguments: p } }] }));
    }
  });
  res.write(chunk({}, reply.tools && reply.tools.length > 0 ? 'tool_calls' : 'stop'));
  res.write('data: [DONE]\n\n');
  res.end();
}

function completion(res: ServerResponse, content: string, tools: ScriptedToolCall[] = []) {
  const toolCalls = tools.map((c, i) => ({
    id: c.id ?? `call_${i}_${Math.random().toString(36).slice(2, 8)}`,
    type: 'function',
    function: { name: c.name, arguments: c.arguments },
  }));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: created(),
      model: 'fake-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: toolCalls.length > 0 && content === '' ? null : content,
            refusal: null,
            ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          },
          finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [];
  const requests: FakeOpenAiRequest[] = [];
  let fallback: ((req: FakeOpenAiRequest) => FakeReply) | null = null;
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
        return;
      }
      if (req.headers.authorization !== 'Bearer sk-test') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: {
              message: 'Incorrect API key',
              type: 'invalid_request_error',
              code: 'invalid_api_key',
            },
          }),
        );
        return;
      }
      const request: FakeOpenAiRequest = {
        path: req.url,
        headers: req.headers,
        body: JSON.parse(raw) as FakeOpenAiRequest['body'],
      };
      requests.push(request);
      const reply = queue.shift() ?? fallback?.(request) ?? { status: 500, message: 'no script' };
      if ('hangMs' in reply) {
        const t = setTimeout(() => {
          timers.delete(t);
          if (!res.destroyed) stream(res, { text: 'too late' });
        }, reply.hangMs);
        timers.add(t);
        return;
      }
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(
          JSON.stringify({ error: { message: reply.message ?? 'error', type: 'server_error' } }),
        );
        return;
      }
      if ('json' in reply) return completion(res, JSON.stringify(reply.json));
      if (request.body.stream !== true) {
        // Not streamed (UrlFetchApp): the whole message, tool calls included.
        return completion(res, reply.text ?? '', 'tools' in reply ? reply.tools : []);
      }
      stream(res, reply);
    })();
  });
  const port = await listenOnFreePort(server);
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => queue.push(...replies),
    whenEmpty: (reply) => {
      fallback = reply;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
