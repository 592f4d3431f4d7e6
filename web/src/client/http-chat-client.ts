import type { ChatAction } from '@mindflow/shared';
import {
  readChatAnswer,
  type ChatAnswer,
  type ChatClient,
  type ChatStreamHandlers,
} from './chat-client.ts';

// The hosted web app's chat: POST /api/chat as Server-Sent Events (the answer streams in),
// confirm and cancel as JSON.

export interface HttpChatOptions {
  fetch?: typeof fetch;
}

function dispatch(event: string, data: unknown, on: ChatStreamHandlers): ChatAnswer | undefined {
  const d = data as Record<string, unknown>;
  if (event === 'text') on.onText?.(String(d.delta ?? ''));
  else if (event === 'tool_call') on.onToolCall?.({ name: String(d.name), arguments: d.arguments });
  else if (event === 'tool_result') on.onToolResult?.(d as unknown as ChatAction);
  else if (event === 'pending_action')
    on.onPendingAction?.(d as { id: string; description: string });
  else if (event === 'done') return readChatAnswer(data);
  else if (event === 'error') throw new Error(String(d.message ?? 'the assistant failed'));
  return undefined;
}

/** Reads `event:`/`data:` blocks as they arrive; answers the `done` event's answer. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  on: ChatStreamHandlers,
): Promise<ChatAnswer> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let answer: ChatAnswer | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      answer = dispatch(event, data === '' ? {} : (JSON.parse(data) as unknown), on) ?? answer;
    }
    if (done) break;
  }
  if (!answer) throw new Error('the answer ended before it was complete');
  return answer;
}

export function httpChatClient(
  baseUrl: string,
  token: string,
  options: HttpChatOptions = {},
): ChatClient {
  const origin = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const headers = (accept: string) => ({
    accept,
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });
  const post = async (path: string, body: unknown) => {
    const res = await doFetch(`${origin}${path}`, {
      method: 'POST',
      headers: headers('application/json'),
      body: JSON.stringify(body),
    });
    return readChatAnswer(await res.json().catch(() => undefined));
  };
  return {
    async send(message, conversationId, on = {}) {
      const res = await doFetch(`${origin}/api/chat`, {
        method: 'POST',
        headers: headers('text/event-stream'),
        body: JSON.stringify({
          message,
          ...(conversationId ? { conversation_id: conversationId } : {}),
        }),
      });
      if (
        !res.ok ||
        !res.body ||
        !(res.headers.get('content-type') ?? '').includes('event-stream')
      ) {
        return readChatAnswer(await res.json().catch(() => undefined));
      }
      return readEvents(res.body, on);
    },
    confirm: (conversation_id, action_id) =>
      post('/api/chat/confirm', { conversation_id, action_id }),
    cancel: (conversation_id, action_id) =>
      post('/api/chat/cancel', { conversation_id, action_id }),
  };
}
