import packageJson from '../../package.json' with { type: 'json' };
import { ConfigError, loadConfig } from '../config/env.ts';
import { serveMcpOverStdio } from '../mcp/mcp-stdio.ts';
import { UsageError } from './cli-context.ts';
import { defineCommand } from './command-spec.ts';

export const command = defineCommand({
  options: {
    user: {
      value: 'EMAIL',
      required: true,
      help: 'the local account to act as (created on first use)',
    },
  },
  notes: [
    'Serves MCP over stdin/stdout for Claude Desktop, Cursor and other local clients, on the',
    'database the server uses (DATA_DIR, or DATABASE_URL). Only protocol messages go to stdout.',
    'Claude Desktop: {"mcpServers":{"mindflow":{"command":"npx","args":["mindflow","mcp","--user","you@example.com"]}}}',
  ],
  async run(options) {
    if (!/^[^@\s]+@[^@\s]+$/.test(options.user)) {
      throw new UsageError(`--user: '${options.user}' is not an email`);
    }
    let config;
    try {
      config = loadConfig();
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    await serveMcpOverStdio(config, {
      email: options.user,
      version: packageJson.version,
      log: (line) => process.stderr.write(`${line}\n`),
    });
  },
});
