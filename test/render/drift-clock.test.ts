import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DriftReport } from '../../src/drift/classify-drift.js';
import { renderDriftMarkdown } from '../../src/render/drift-markdown.js';
import { renderDriftText } from '../../src/render/drift-text.js';
import { LIFECYCLE_UPDATE, NOW } from './fixtures/compact-cases.js';

/*
 * Ages of expiring images ("pushed 41 days ago") are counted to a time the
 * caller gives (when the registry was read), never to the machine's clock:
 * the renderers stay pure, and a drift report reads the same whenever it is
 * rendered. The system clock is moved far away to prove it is not read.
 */

const REPORT: DriftReport = {
  formatVersion: 1,
  inSync: false,
  modified: [LIFECYCLE_UPDATE],
  missing: [],
  orphaned: [],
  unmanaged: [],
  coverage: { managed: 1, live: 1 },
};
const REGISTRY = { accountId: '123456789012', region: 'eu-west-1' };

afterEach(() => {
  vi.useRealTimers();
});

describe('drift ages are counted to the time given, not the clock', () => {
  it('text and markdown say "pushed 41 days ago" as of `now`, whatever the system time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    const text = renderDriftText(REPORT, REGISTRY, { color: false, width: 160, now: NOW });
    expect(text).toContain('<untagged> sha256:111111111111  pushed 41 days ago');
    expect(text).toContain('pr-102  pushed 1 day ago');
    const md = renderDriftMarkdown(REPORT, REGISTRY, { now: NOW });
    expect(md).toContain('pushed 41 days ago');
  });

  it('without a time, an age is the push date: the same output on every run', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    const text = renderDriftText(REPORT, REGISTRY, { color: false, width: 160 });
    expect(text).toContain('<untagged> sha256:111111111111  pushed 2026-10-13');
    expect(text).not.toMatch(/days? ago/);
    expect(renderDriftMarkdown(REPORT, REGISTRY)).toContain('pushed 2026-10-13');
  });
});
