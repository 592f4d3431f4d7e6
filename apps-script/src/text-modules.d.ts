// esbuild's text loader (build.ts) turns these imports into strings.
declare module '*.csv' {
  const text: string;
  export default text;
}
declare module '*.md' {
  const text: string;
  export default text;
}
