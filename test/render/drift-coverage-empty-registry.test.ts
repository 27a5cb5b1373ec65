import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/classify-drift.js';
import { renderDriftMarkdown } from '../../src/render/drift-markdown.js';
import { renderDriftText } from '../../src/render/drift-text.js';
import { PLAN } from './fixtures/plan-fixture.js';

/*
 * Coverage is the share of live repositories the files manage. With no live
 * repository there is no share: "0 of 0 (100%)" claimed one; the line says
 * there is nothing to manage instead.
 */

const report = (managed: number, live: number, unmanaged: string[] = []): DriftReport => ({
  formatVersion: 1,
  inSync: true,
  modified: [],
  missing: [],
  orphaned: [],
  unmanaged,
  coverage: { managed, live },
});

describe('drift coverage', () => {
  it('an empty registry: no share, in text and in markdown', () => {
    const text = renderDriftText(report(0, 0), PLAN.registry, { color: false });
    expect(text).toContain('Coverage: no live repositories to manage.');
    expect(text).not.toMatch(/0 of 0|100%/);
    expect(renderDriftMarkdown(report(0, 0), PLAN.registry)).toContain('Coverage: no live repositories to manage.');
  });

  it('live repositories none of which the files manage: 0%', () => {
    expect(renderDriftText(report(0, 2, ['a', 'b']), PLAN.registry, { color: false })).toContain(
      'Coverage: the files manage 0 of 2 live repositories (0%); 2 unmanaged repositories.',
    );
  });
});
