import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport as SdkTransport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AppError, Result } from '@mindflow/shared';
import type { Transport } from '@mindflow/shared/testing';

// The scenario suite's fourth transport: the official MCP client, calling each operation
// as a tool. A failed operation is a tool result with isError and the error envelope.

/** An operation's Result from a tool result, as an assistant reads it. */
export function resultOfToolCall(result: CallToolResult): Result<unknown> {
  if (result.isError) {
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
    const { error } = JSON.parse(text) as { error: AppError };
    return { ok: false, error };
  }
  return { ok: true, data: result.structuredContent };
}

export async function connectMcpClient(transport: SdkTransport): Promise<Client> {
  const client = new Client({ name: 'mindflow-tests', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** An SDK client over Streamable HTTP to `${baseUrl}/mcp`, signed in with `token`. */
export async function mcpHttpClient(baseUrl: string, token: string): Promise<Client> {
  return connectMcpClient(
    new StreamableHTTPClientTransport(new URL('/mcp', baseUrl), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
}

export function mcpTransport(client: Client): Transport {
  return async (name, input) =>
    resultOfToolCall((await client.callTool({ name, arguments: input })) as CallToolResult);
}
