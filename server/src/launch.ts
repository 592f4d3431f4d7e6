// The built server's entry point (dist/main.js). It runs on any Node.js before anything
// that needs a recent one loads, so an older Node says which version is needed instead of
// "No such built-in module: node:sqlite". Keep it free of imports: the server itself is
// dist/server.js, loaded only once the check passed.

const NEEDED_MAJOR = 24;
const running = process.versions.node;
if (Number(running.split('.')[0]) < NEEDED_MAJOR) {
  process.stderr.write(
    `mindflow server: needs Node.js ${NEEDED_MAJOR} or later, and this is Node.js ${running}; install Node.js ${NEEDED_MAJOR} (https://nodejs.org) or start it with \`npm start\`, which uses the repository's own Node.\n`,
  );
  process.exit(1);
}
// Beside this file once built (src/main.ts bundled); a name, so nothing resolves it before.
const server = './server.js';
await import(server);
