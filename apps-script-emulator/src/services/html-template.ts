/**
 * Turns an Apps Script HTML template into a function source. Scriptlets: <? code ?> runs,
 * <?= expr ?> prints escaped, <?!= expr ?> prints raw. Template properties become variables
 * through `with`, which is why the generated code runs sloppy-mode like Apps Script's own.
 */
export function compileTemplate(source: string): string {
  const body: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = scriptlet.exec(source); m; m = scriptlet.exec(source)) {
    if (m.index > last) body.push(`__out.push(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2] ?? '';
    if (m[1] === '=') body.push(`__out.push(__escape(${code}));`);
    else if (m[1] === '!=') body.push(`__out.push(__print(${code}));`);
    else body.push(code);
    last = m.index + m[0].length;
  }
  if (last < source.length) body.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return [
    '(function (__vars) {',
    '  var __print = function (v) { return v === null || v === undefined ? "" : String(v); };',
    '  var __escape = function (v) {',
    '    return __print(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")',
    '      .replace(/"/g, "&quot;").replace(/\'/g, "&#39;");',
    '  };',
    '  var __out = [];',
    '  with (__vars) {',
    ...body.map((line) => `    ${line}`),
    '  }',
    '  return __out.join("");',
    '})',
  ].join('\n');
}
