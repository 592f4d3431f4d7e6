import type { Plugin } from 'esbuild';

/**
 * For hosts that bundle the core (the add-on, the sidebar). zod re-exports its 40-odd locales
 * as `z.locales` and the core imports `z` as one namespace, so they cannot be tree-shaken
 * (~350 kB). Nothing reads them (the core writes its own English messages), so the bundle
 * gets an empty module instead.
 */
export const zodWithoutLocales: Plugin = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
      contents: 'export {};',
      loader: 'js',
    }));
  },
};
