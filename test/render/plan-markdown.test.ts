import { describe, expect, it } from 'vitest';
import type { Change, Plan } from '../../src/model/plan.js';
import { makeChange } from '../../src/plan/make-change.js';
import { summarize } from '../../src/plan/plan.js';
import { MARKDOWN_LIMIT } from '../../src/render/fit-markdown.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { EMPTY_PLAN, PLAN } from './fixtures/plan-fixture.js';

/** A plan too big for one comment: many repositories, each with a long policy. */
function bigPlan(repositories: number): Plan {
  const changes: Change[] = [];
  for (let i = 0; i < repositories; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`;
    const statements = Array.from({ length: 8 }, (_, s) => ({
      Sid: `pull-${name}-${s}`,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${String(100000000000 + s)}:root` },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    }));
    changes.push(makeChange({ address: `repository["${name}"].policy`, kind: 'policy', action: 'create', before: null, after: { Version: '2012-10-17', Statement: statements }, calls: ['SetRepositoryPolicy'] }));
  }
  return { ...PLAN, changes, summary: summarize(changes, 0) };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('the markdown plan', () => {
  it('is a summary table, then a collapsible block per change', async () => {
    const md = renderPlanMarkdown(PLAN);
    await expect(md).toMatchFileSnapshot('__snapshots__/plan.md');
    expect(md).toContain('| `-` | `repository["old/tool"]` | delete (prune) | DeleteRepository | ⛔ blocked |');
    expect(md).toContain('<details><summary><code>~ repository["team-a/web"].lifecyclePolicy</code> update</summary>');
    expect(md).toContain('- 🗑️ will expire 7 images (1.0 GB) now, by rule 1 (keep the newest)');
    expect(count(md, '<details>')).toBe(PLAN.changes.length);
    expect(count(md, '</details>')).toBe(PLAN.changes.length);
    expect(md).not.toContain('Detail cut');
  });

  it('says there is nothing to do for an empty plan', () => {
    const md = renderPlanMarkdown(EMPTY_PLAN);
    expect(md).toContain('**Plan: 0 to create, 0 to update, 0 to replace, 0 to delete (42 unchanged).**');
    expect(md).toContain('No changes.');
    expect(md).not.toContain('<details>');
  });

  it('past 60,000 characters cuts the detail, says so, and keeps the whole summary table', () => {
    const plan = bigPlan(150);
    const md = renderPlanMarkdown(plan);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    for (const change of plan.changes) expect(md).toContain(`| \`+\` | \`${change.address}\` |`);
    const shown = count(md, '<details>');
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(150);
    expect(count(md, '</details>')).toBe(shown);
    expect(count(md, '```diff')).toBe(shown);
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      `> **Detail cut:** ${shown} of 150 changes shown; this report is kept under 60,000 characters to fit in one comment. Run \`ecrform plan\` (or see the job log) for the rest.`,
    );
  });

  it('folds the table into counts per prefix when the table alone is past the limit', () => {
    const md = renderPlanMarkdown(bigPlan(40), { limit: 2_000 });
    expect(md.length).toBeLessThanOrEqual(2_000);
    expect(count(md, '| `+` |')).toBe(0);
    expect(md).not.toContain('<details>');
    expect(md).toContain('| `(no prefix)` | 40 | 0 | 0 | 0 | 0 | 40 |');
    expect(md).toContain('> **Summary folded:** the 40 changes are counted per action and per repository prefix');
  });
});
