import type { Command } from 'commander';
import { generateOpenApi } from '@mindflow/shared';
import { printJson, UsageError } from './cli-context.ts';

interface SchemaOptions {
  gasUrl?: string;
  key?: string;
  serverUrl?: string;
}

function httpsUrl(value: string, flag: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost')
      return value;
  } catch {
    // reported below
  }
  throw new UsageError(`${flag}: '${value}' is not an https URL`);
}

export function registerGptSchema(program: Command): void {
  program
    .command('gpt-schema')
    .description('Print the OpenAPI 3.1 schema to paste into a Custom GPT action')
    .option('--gas-url <url>', 'the Apps Script web app URL (…/exec)')
    .option('--key <key>', 'the API key of the Sheet (with --gas-url)')
    .option('--server-url <url>', 'the MindFlow server URL (Bearer token auth)')
    .action((options: SchemaOptions) => {
      if ((options.gasUrl === undefined) === (options.serverUrl === undefined)) {
        throw new UsageError('give exactly one of --gas-url or --server-url');
      }
      if (options.gasUrl !== undefined) {
        const url = httpsUrl(options.gasUrl, '--gas-url');
        if (!/\/exec\/?$/.test(new URL(url).pathname))
          throw new UsageError('--gas-url: the web app URL ends in /exec');
        if (!options.key) throw new UsageError('--key is required with --gas-url');
        printJson(
          process.stdout,
          generateOpenApi({ style: 'apps-script', serverUrl: url, apiKey: options.key }),
        );
      } else {
        printJson(
          process.stdout,
          generateOpenApi({
            style: 'rest',
            serverUrl: httpsUrl(options.serverUrl!, '--server-url'),
          }),
        );
      }
    });
}
