import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryPaths } from './file-names.ts';
import { brokenLinks, headingSlug, markdownLinks } from './markdown-links.ts';

// The repository carries its own documentation: every relative link in its Markdown leads to
// a file (and heading) a clone has, and nothing points at the team's notes outside it.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MARKDOWN = repositoryPaths(ROOT).filter(
  (path) => path.endsWith('.md') && !path.includes('node_modules/'),
);

describe('docs links', () => {
  it('finds the pages every reader starts from', () => {
    expect(MARKDOWN).toEqual(
      expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md']),
    );
  });

  it('has every relative link in every Markdown file resolve to a file and heading in the repository', () => {
    expect(MARKDOWN.flatMap((file) => brokenLinks(ROOT, file))).toEqual([]);
  });

  it('never sends a reader to the specs outside the repository (../shared/docs): they live in docs/', async () => {
    const offenders: string[] = [];
    for (const file of MARKDOWN) {
      const text = await readFile(join(ROOT, file), 'utf8');
      text.split('\n').forEach((line, i) => {
        // From a top-level file, ../ is outside the clone, in code spans as much as in links.
        const outside = !file.includes('/') && line.includes('../shared');
        if (outside || /shared\/docs\b|(SCORING|PLANNING)\.md/.test(line))
          offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('lists every page of docs/ in its index, docs/README.md', async () => {
    const index = markdownLinks(await readFile(join(ROOT, 'docs/README.md'), 'utf8')).map(
      (l) => l.target.split('#')[0],
    );
    const pages = (await readdir(join(ROOT, 'docs'))).filter(
      (name) => name.endsWith('.md') && name !== 'README.md',
    );
    expect(pages.filter((page) => !index.includes(page))).toEqual([]);
  });

  describe('the checker', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'docs-links-'));
      await mkdir(join(dir, 'docs'));
      await writeFile(join(dir, 'docs/page.md'), '# The page\n\n## Order, then ties\n');
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    async function check(text: string): Promise<string[]> {
      await writeFile(join(dir, 'README.md'), text);
      return brokenLinks(dir, 'README.md');
    }

    it('passes links to files and headings that exist, and leaves URLs and code alone', async () => {
      expect(
        await check(
          [
            'See [the page](docs/page.md), [ties](docs/page.md#order-then-ties),',
            '[top](#a-readme) and [the web](https://example.com/x.md).',
            '`[not a link](missing.md)`',
            '```',
            '[nor this](missing.md)',
            '```',
            '# A README',
          ].join('\n'),
        ),
      ).toEqual([]);
    });

    it('fails a missing file, a missing heading and a link out of the repository', async () => {
      expect(
        await check(
          [
            '[gone](docs/gone.md) [anchor](docs/page.md#nowhere)',
            '[spec](../shared/docs/SCORING.md)',
            '<img src="docs/missing.png">',
          ].join('\n'),
        ),
      ).toEqual([
        'README.md:1: docs/gone.md: no such file docs/gone.md',
        'README.md:1: docs/page.md#nowhere: docs/page.md has no heading #nowhere',
        'README.md:2: ../shared/docs/SCORING.md: leaves the repository (../shared/docs/SCORING.md); a clone does not have it',
        'README.md:3: docs/missing.png: no such file docs/missing.png',
      ]);
    });

    it('makes anchors the way GitHub does', () => {
      expect(headingSlug('What to do next: the score')).toBe('what-to-do-next-the-score');
      expect(headingSlug('The `mindflow` CLI')).toBe('the-mindflow-cli');
      expect(headingSlug('If-Match: 412 or 409')).toBe('if-match-412-or-409');
    });
  });
});
