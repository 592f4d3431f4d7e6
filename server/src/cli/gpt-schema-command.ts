import { generateOpenApi } from '@mindflow/shared';
import { printJson, UsageError } from './cli-context.ts';
import { defineCommand } from './command-spec.ts';

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

export const command = defineCommand({
  options: {
    'gas-url': { value: 'URL', help: 'the Apps Script web app URL (…/exec)' },
    key: { value: 'KEY', help: 'the API key of the Sheet (with --gas-url)' },
    'server-url': { value: 'URL', help: 'the MindFlow server URL (Bearer token auth)' },
  },
  run(options) {
    const gasUrl = options['gas-url'];
    const serverUrl = options['server-url'];
    if ((gasUrl === undefined) === (serverUrl === undefined)) {
      throw new UsageError('give exactly one of --gas-url or --server-url');
    }
    if (gasUrl !== undefined) {
      const url = httpsUrl(gasUrl, '--gas-url');
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
        generateOpenApi({ style: 'rest', serverUrl: httpsUrl(serverUrl!, '--server-url') }),
      );
    }
  },
});
