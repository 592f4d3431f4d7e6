import { readFileSync } from 'node:fs';
function diff(a: unknown, b: unknown, path: string[] = [], out: string[] = []): string[] {
  const isObj = (x: unknown) => x !== null && typeof x === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const A = a as Record<string, unknown>, B = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(A), ...Object.keys(B)])) {
      if (!(k in B)) out.push(`- ${[...path, k].join(' › ')}`);
      else if (!(k in A)) out.push(`+ ${[...path, k].join(' › ')}`);
      else diff(A[k], B[k], [...path, k], out);
    }
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`~ ${path.join(' › ')}`);
  return out;
}
const [x, y] = process.argv.slice(2);
console.log(diff(JSON.parse(readFileSync(x!, 'utf8')), JSON.parse(readFileSync(y!, 'utf8'))).join('\n'));
