#!/usr/bin/env node
// The `mindflow` command. Plain JavaScript that any Node parses, so an old Node on PATH gets
// a sentence instead of a syntax error; the CLI itself is the bundle `npm install` builds.
import module from 'node:module';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `mindflow: needs Node 22 or newer; this is Node ${process.version} (${process.execPath}). ` +
      'Run it with npx mindflow, which uses the project’s Node, or put a newer node first on PATH.\n',
  );
  process.exit(1);
}

// Caches V8's compiled code on disk, so starts after the first skip parsing the bundle.
module.enableCompileCache?.();

let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('main.js')) {
    throw error;
  }
  process.stderr.write(
    'mindflow: the CLI is not built; run npm install (or npm run build -w @mindflow/server)\n',
  );
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
