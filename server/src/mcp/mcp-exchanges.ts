import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type {
  JSONRPCMessage,
  JSONRPCRequest,
  MessageExtraInfo,
  RequestId,
} from '@modelcontextprotocol/sdk/types.js';

// Stateless MCP over HTTP answers one JSON-RPC request per HTTP request. Building an SDK
// server and its web-standard transport for every request — handlers registered, a web
// Request made from the Node one, a web Response with a body stream read back — cost more
// CPU than the operation itself. Here a few servers stay connected, each to a transport
// that carries one exchange at a time: the request in, the response for its id out. The
// SDK's Protocol still does all of JSON-RPC (dispatch, validation, errors); the transport
// only hands it the message the route parsed, with that request's auth, and resolves with
// the answer. A server keeps nothing of a caller between exchanges (createMcpServer takes
// each call's caller from the message's auth), and never runs two exchanges at once, so
// JSON-RPC ids of different clients never meet in one server.

interface Pending {
  id: RequestId;
  resolve: (answer: JSONRPCMessage | undefined) => void;
}

/** The SDK's Transport interface, for one request/response exchange at a time. */
export class ExchangeTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private pending: Pending | null = null;
  private closed = false;

  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Delivers a request; resolves with its response, or undefined if closed first. */
  exchange(request: JSONRPCRequest, extra: MessageExtraInfo): Promise<JSONRPCMessage | undefined> {
    if (this.pending || this.closed) throw new Error('ExchangeTransport: busy or closed');
    return new Promise((resolve) => {
      this.pending = { id: request.id, resolve };
      this.onmessage?.(request, extra);
    });
  }

  /**
   * The response to the pending request ends the exchange. Anything else the server sends
   * (a notification, a request to the client) has nowhere to go on a JSON answer, and is
   * dropped, as the SDK's Streamable HTTP transport drops it in JSON-response mode.
   */
  send(message: JSONRPCMessage): Promise<void> {
    const pending = this.pending;
    if (pending && 'id' in message && message.id === pending.id && !('method' in message)) {
      this.pending = null;
      pending.resolve(message);
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    const pending = this.pending;
    this.pending = null;
    pending?.resolve(undefined);
    this.onclose?.();
    return Promise.resolve();
  }
}

interface Connected {
  server: Server;
  transport: ExchangeTransport;
}

/** Connected servers, each lent to one exchange at a time. */
export class McpExchanges {
  private readonly idle: Connected[] = [];
  private readonly create: () => Server;
  private readonly maxIdle: number;

  /**
   * @param create a fresh server (handlers registered, not connected)
   * @param maxIdle how many idle servers to keep: about the concurrent requests expected
   */
  constructor(create: () => Server, maxIdle = 64) {
    this.create = create;
    this.maxIdle = maxIdle;
  }

  /**
   * Runs one JSON-RPC request (not initialize: that sets up a server for its client) and
   * resolves with its response. `watch` is given the way to abandon the exchange when the
   * client goes away first: its server is then closed, which aborts the request's handler,
   * and dropped; the exchange resolves with undefined. Abandoning a finished one does nothing.
   */
  async exchange(
    request: JSONRPCRequest,
    extra: MessageExtraInfo,
    watch: (abandon: () => void) => void,
  ): Promise<JSONRPCMessage | undefined> {
    const connected = this.idle.pop() ?? (await this.connect());
    let done = false;
    watch(() => {
      if (!done) void connected.server.close();
    });
    const answer = await connected.transport.exchange(request, extra);
    done = true;
    if (answer !== undefined && this.idle.length < this.maxIdle) this.idle.push(connected);
    return answer;
  }

  private async connect(): Promise<Connected> {
    const server = this.create();
    const transport = new ExchangeTransport();
    await server.connect(transport);
    return { server, transport };
  }
}

/** A tool call's success as callOperationTool makes it: one text, the JSON of the value. */
function toolSuccess(
  result: unknown,
): result is { content: [{ type: 'text'; text: string }]; structuredContent: object } {
  if (typeof result !== 'object' || result === null) return false;
  const { content, structuredContent, isError } = result as Record<string, unknown>;
  if (isError === true || typeof structuredContent !== 'object' || structuredContent === null) {
    return false;
  }
  if (!Array.isArray(content) || content.length !== 1) return false;
  const [item] = content as unknown[];
  return (
    typeof item === 'object' &&
    item !== null &&
    (item as { type?: unknown }).type === 'text' &&
    typeof (item as { text?: unknown }).text === 'string'
  );
}

/**
 * JSON.stringify(answer), byte for byte, with a tool result's structuredContent written as
 * the text beside it rather than serialised a second time: callOperationTool makes that text
 * as the JSON of that very value (for the best task and list pages, the cached answer's own
 * JSON). The value is swapped for 0 while the rest is serialised; the one
 * `"structuredContent":0` outside a string is then the result's own key, since everything
 * the tasks hold is inside the escaped text or inside the value swapped out.
 */
export function answerJson(answer: JSONRPCMessage): string {
  const result = (answer as { result?: unknown }).result;
  if (!toolSuccess(result)) return JSON.stringify(answer);
  const { text } = result.content[0];
  const rest = JSON.stringify({ ...answer, result: { ...result, structuredContent: 0 } });
  return rest.replace('"structuredContent":0', () => `"structuredContent":${text}`);
}
