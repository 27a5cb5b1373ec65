import { describe, expect, it } from 'vitest';
import { PRUNE_OFF_WARNING, type DriftReport } from '../../src/drift/classify-drift.js';
import { renderDriftMarkdown } from '../../src/render/drift-markdown.js';
import { renderDriftText } from '../../src/render/drift-text.js';
import { renderDriftJson } from '../../src/render/json.js';
import { CHANGES, PLAN } from './fixtures/plan-fixture.js';

const at = (address: string) => CHANGES.find((c) => c.address === address)!;

const DRIFTED: DriftReport = {
  formatVersion: 1,
  inSync: false,
  modified: [at('repository["legacy/api"]'), at('repository["team-a/web"].policy')],
  missing: [at('repository["team-a/api"]')],
  orphaned: [{ ...at('repository["scratch"]'), calls: [], warnings: [PRUNE_OFF_WARNING] }],
  unmanaged: ['handmade', 'sandbox/tmp'],
  coverage: { managed: 40, live: 44 },
};

const IN_SYNC: DriftReport = { formatVersion: 1, inSync: true, modified: [], missing: [], orphaned: [], unmanaged: ['handmade'], coverage: { managed: 3, live: 4 } };

describe('the drift report', () => {
  it('as plain text: headline, each category with its changes, unmanaged, coverage', async () => {
    const text = renderDriftText(DRIFTED, PLAN.registry, { color: false });
    await expect(text).toMatchFileSnapshot('__snapshots__/drift.txt');
    expect(text).toContain('Drift found: 2 modified, 1 missing, 1 orphaned.');
    expect(text).toContain('  ~ repository["legacy/api"]  update\n');
    expect(text).toContain('Coverage: the files manage 40 of 44 live repositories (90%); 2 unmanaged repositories.');
  });

  it('in sync, with unmanaged repositories listed but not counted as drift', () => {
    const text = renderDriftText(IN_SYNC, PLAN.registry, { color: false });
    expect(text).toContain('In sync: the registry matches the files.');
    expect(text).toContain('unmanaged (1): no ownership tag and not declared; listed only, never drift\n  handmade\n');
  });

  it('as markdown: the counts table, then a block per drifted resource', async () => {
    const md = renderDriftMarkdown(DRIFTED, PLAN.registry);
    await expect(md).toMatchFileSnapshot('__snapshots__/drift.md');
    expect(md).toContain('| modified | 2 | changed outside ecrform |');
    expect(md).toContain('#### orphaned');
    expect(md).toContain('- `sandbox/tmp`');
  });

  it('cuts the markdown detail past the limit and keeps the table', () => {
    const md = renderDriftMarkdown(DRIFTED, PLAN.registry, { limit: 1_200 });
    expect(md.length).toBeLessThanOrEqual(1_200);
    expect(md).toContain('| unmanaged | 2 |');
    expect(md).toMatch(/> \*\*Detail cut:\*\* \d of 5 entries shown/);
  });

  it('as JSON: the document of cli.md', () => {
    const json = JSON.parse(renderDriftJson(DRIFTED));
    expect(Object.keys(json)).toEqual(['formatVersion', 'inSync', 'modified', 'missing', 'orphaned', 'unmanaged', 'coverage']);
    expect(json.modified[0]).toMatchObject({ address: 'repository["legacy/api"]', action: 'update', patch: [{ op: 'replace', path: '/scanOnPush', value: true }] });
    expect(json.unmanaged).toEqual(['handmade', 'sandbox/tmp']);
    expect(json.coverage).toEqual({ managed: 40, live: 44 });
  });
});
