// The import graph's rules that ESLint cannot see: dependency-cruiser follows every import,
// type-only ones included, across the workspaces. `npm run lint` runs it; lint/fences.test.ts
// proves it catches a cycle made only of `import type`.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'A module must not reach itself through its imports, not even through `import type`: a cycle ' +
        'means two modules are one module in two files. Move what both need into a third.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Count `import type` too: TypeScript erases it, but it still ties the two modules together.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
