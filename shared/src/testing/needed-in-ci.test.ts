import { afterEach, describe, expect, it, vi } from 'vitest';
import { neededInCi } from './needed-in-ci.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('neededInCi', () => {
  it('says a present tool is there, in CI or not', () => {
    vi.stubEnv('CI', 'true');
    expect(neededInCi('Chromium', null)).toBe(true);
  });

  it('lets a local run skip what is missing', () => {
    vi.stubEnv('CI', '');
    expect(neededInCi('Chromium', 'no Chromium at /usr/bin/chromium')).toBe(false);
  });

  it('fails a CI run that would skip, naming the tool and the problem', () => {
    vi.stubEnv('CI', 'true');
    expect(() => neededInCi('Chromium', 'no Chromium at /usr/bin/chromium')).toThrow(
      'CI needs Chromium, and it is missing: no Chromium at /usr/bin/chromium',
    );
  });
});
