// The repository's Markdown explains itself only if every link in it leads somewhere a
// person who cloned it can follow: a file in the repository (and, with #, a heading in it).
// lint/docs-links.test.ts runs this over every tracked Markdown file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface MarkdownLink {
  /** The target as written: `docs/scoring.md#order`. */
  target: string;
  line: number;
}

/** Fenced code blocks and inline code spans, blanked out (lines kept), so their text is not read as links. */
function withoutCode(text: string): string {
  const lines = text.split('\n');
  let fence: string | null = null;
  return lines
    .map((line) => {
      const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence !== null) {
        if (opener && opener[1]!.startsWith(fence)) fence = null;
        return '';
      }
      if (opener) {
        fence = opener[1]!;
        return '';
      }
      return line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    })
    .join('\n');
}

/** Every link and image target: `[text](target)`, `[id]: target`, `href="…"` and `src="…"`. */
export function markdownLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  withoutCode(text)
    .split('\n')
    .forEach((line, i) => {
      const found = [
        ...line.matchAll(/\]\(\s*<?([^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)/g),
        ...line.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g),
        ...line.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g),
      ];
      for (const m of found) links.push({ target: m[1]!, line: i + 1 });
    });
  return links;
}

/** Whether a target leaves the repository's files: a URL with a scheme, or a protocol-relative one. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a Markdown file offers: one per heading (repeats get -1, -2 …), as GitHub makes them. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(text).split('\n')) {
    const m = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const slug = headingSlug(m[1]!);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/**
 * What is wrong with each relative link of `file` (repository-relative), one line each:
 * a target outside the repository, a missing file, or a missing heading.
 */
export function brokenLinks(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const problems: string[] = [];
  for (const { target, line } of markdownLinks(text)) {
    if (isExternal(target) || target === '') continue;
    const where = `${file}:${line}: ${target}`;
    const [pathPart = '', anchor] = target.split('#', 2);
    const path = decodeURIComponent(pathPart.split('?')[0]!);
    const absolute = path === '' ? join(root, file) : resolve(root, dirname(file), path);
    const inRepo = relative(root, absolute);
    if (inRepo.startsWith('..') || inRepo.startsWith(sep)) {
      problems.push(`${where}: leaves the repository (${inRepo}); a clone does not have it`);
      continue;
    }
    if (!existsSync(absolute)) {
      problems.push(`${where}: no such file ${inRepo}`);
      continue;
    }
    if (anchor && absolute.endsWith('.md') && statSync(absolute).isFile()) {
      const anchors = headingAnchors(readFileSync(absolute, 'utf8'));
      if (!anchors.has(anchor.toLowerCase())) {
        problems.push(`${where}: ${inRepo} has no heading #${anchor}`);
      }
    }
  }
  return problems;
}
