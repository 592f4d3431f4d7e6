import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockIn, GENERATED_BLOCKS, withBlock } from './generated-docs.ts';

// The docs' generated blocks are what the code makes now: a new operation, a changed binding
// or a new weight fails here until the page is regenerated, so the page cannot go stale.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// A test's own knob: rewrite the blocks instead of comparing them.
const UPDATE = process.env.MINDFLOW_UPDATE_DOCS === '1';

describe('generated docs', () => {
  for (const block of GENERATED_BLOCKS) {
    it(`${block.page} (${block.name}) says what the code does now`, async () => {
      const path = join(ROOT, block.page);
      const page = await readFile(path, 'utf8');
      const expected = block.render(ROOT);
      if (UPDATE) await writeFile(path, withBlock(page, block.name, expected));
      const actual = UPDATE ? expected : blockIn(page, block.name);
      expect(
        actual,
        `${block.page} is stale: MINDFLOW_UPDATE_DOCS=1 npx vitest run lint/generated-docs.test.ts rewrites it`,
      ).toBe(expected);
    });
  }

  it('replaces only the block between its markers', () => {
    const page = 'before\n<!-- begin generated: x -->\nold\n<!-- end generated: x -->\nafter\n';
    const next = withBlock(page, 'x', 'new\nlines');
    expect(next).toBe(
      'before\n<!-- begin generated: x -->\nnew\nlines\n<!-- end generated: x -->\nafter\n',
    );
    expect(blockIn(next, 'x')).toBe('new\nlines');
    expect(blockIn('no markers', 'x')).toBeNull();
  });
});
