import { fileURLToPath } from 'node:url';

/** The built bundle the global setup produced: what clasp pushes. */
export const DIST_CODE_JS = fileURLToPath(new URL('../dist/Code.js', import.meta.url));
