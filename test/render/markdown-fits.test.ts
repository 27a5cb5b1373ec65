import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/drift/classify-drift.js';
import type { Change, Plan } from '../../src/model/plan.js';
import { makeChange } from '../../src/plan/make-change.js';
import { summarize } from '../../src/plan/plan.js';
import { renderDriftMarkdown } from '../../src/render/drift-markdown.js';
import { MARKDOWN_LIMIT } from '../../src/render/fit-markdown.js';
import { prefixOf } from '../../src/render/fold-summary.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { planVerdict } from '../../src/render/verdict.js';
import { EMPTY_PLAN, PLAN } from './fixtures/plan-fixture.js';

const LIFECYCLE = {
  rules: [{ rulePriority: 1, description: 'keep the newest 30', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } }],
};

/** What a first import of a registry looks like: new repositories, each with a lifecycle policy, over `teams` prefixes. */
function importPlan(repositories: number, teams = 12): Plan {
  const changes: Change[] = [];
  for (let i = 0; i < repositories; i++) {
    const name = `team-${i % teams}/service-${String(i).padStart(5, '0')}`;
    const after = { imageTagMutability: 'IMMUTABLE', scanOnPush: true, encryption: { encryptionType: 'AES256' }, tags: { 'managed-by': 'ecrform', team: `team-${i % teams}` } };
    changes.push(makeChange({ address: `repository["${name}"]`, kind: 'repository', action: 'create', before: null, after, calls: ['CreateRepository'] }));
    changes.push(makeChange({ address: `repository["${name}"].lifecyclePolicy`, kind: 'lifecyclePolicy', action: 'create', before: null, after: LIFECYCLE, calls: ['PutLifecyclePolicy'] }));
  }
  return { ...PLAN, changes, summary: summarize(changes, 0) };
}

/** Pruned repositories that still hold images: every change blocked. */
function blockedPlan(count: number): Plan {
  const changes = Array.from({ length: count }, (_, i) =>
    makeChange({
      address: `repository["old/app-${i}"]`,
      kind: 'repository',
      action: 'delete',
      reason: 'prune',
      before: { imageTagMutability: 'MUTABLE' },
      after: null,
      calls: ['DeleteRepository'],
      blocked: `holds ${i + 1} images; apply --force-delete to delete them`,
    }),
  );
  return { ...PLAN, changes, summary: summarize(changes, 3) };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
/** The folded table's total row: create, update, replace, delete, blocked, changes. */
const totalRow = (md: string) => md.split('\n').find((l) => l.startsWith('| **all** |'));

describe('a plan markdown report always fits in one comment', () => {
  it('400 new repositories (an import) fit, where the full report is past 100,000 characters', () => {
    const plan = importPlan(400);
    const unlimited = renderPlanMarkdown(plan, { limit: Number.MAX_SAFE_INTEGER });
    expect(unlimited.length).toBeGreaterThan(100_000);
    const md = renderPlanMarkdown(plan);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain('**✅ Applies cleanly.** 800 changes, none blocked.');
  });

  for (const changes of [1_000, 5_000]) {
    it(`${changes.toLocaleString('en-US')} changes: the detail is cut, the table folded per prefix, the verdict kept`, () => {
      const plan = importPlan(changes / 2);
      const md = renderPlanMarkdown(plan);
      expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
      expect(md.startsWith('### ecrform plan: registry `123456789012` (eu-west-1)\n\n**✅ Applies cleanly.**')).toBe(true);
      expect(md).toContain(`**Plan: ${changes} to create, 0 to update, 0 to replace, 0 to delete (0 unchanged)`);
      expect(md).not.toContain('<details>');
      expect(md).not.toContain('| `+` |');
      // Every prefix is counted, and the counts add up to the plan.
      for (let t = 0; t < 12; t++) expect(md).toContain(`| \`team-${t}/\` |`);
      expect(totalRow(md)).toBe(`| **all** | ${changes} | 0 | 0 | 0 | 0 | ${changes} |`);
      expect(md.trimEnd().split('\n').at(-1)).toBe(
        `> **Summary folded:** the ${changes.toLocaleString('en-US')} changes are counted per action and per repository prefix; the table of each one and their detail are left out to keep this report under 60,000 characters. Run \`ecrform plan\` (or see the job log) for the rest.`,
      );
    });
  }

  it('5,000 blocked deletes: blocked, with the first reasons, a count of the rest, and the ways out', () => {
    const md = renderPlanMarkdown(blockedPlan(5_000));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain('**⛔ Blocked.** Apply would refuse this plan as it stands: 5,000 reasons.');
    expect(md).toContain('- `repository["old/app-0"]`: holds 1 images; apply --force-delete to delete them');
    expect(md).toContain('- and 4,990 more blocked changes');
    expect(md).toContain('- keep the repository: declare it again in the files, or set `prune: false`');
    expect(md).toContain('- let ecrform stop owning it: remove its `managed-by: ecrform` tag');
    expect(md).toContain('plan again with `--force-delete`');
    expect(totalRow(md)).toBe('| **all** | 0 | 0 | 0 | 5000 | 5000 | 5000 |');
  });

  it('5,000 distinct prefixes: the biggest groups are shown and the rest counted in one row', () => {
    const plan = importPlan(2_500, 2_500);
    const md = renderPlanMarkdown(plan);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const rest = /\| … ([\d,]+) more prefixes \| \| \| \| \| \| (\d+) \|/.exec(md);
    expect(rest).not.toBeNull();
    const shownRows = count(md, '| `team-');
    expect(shownRows).toBeGreaterThan(100);
    expect(shownRows + Number(rest![1].replace(/,/g, ''))).toBe(2_500);
    expect(Number(rest![2])).toBe(2 * (2_500 - shownRows));
    expect(totalRow(md)).toBe('| **all** | 5000 | 0 | 0 | 0 | 0 | 5000 |');
  });

  it('a small limit folds the table too, and the verdict stays under the title', () => {
    const md = renderPlanMarkdown(importPlan(40, 3), { limit: 2_500 });
    expect(md.length).toBeLessThanOrEqual(2_500);
    expect(md).toContain('| `team-0/` | 28 | 0 | 0 | 0 | 0 | 28 |');
    expect(md).toContain('**✅ Applies cleanly.** 80 changes, none blocked.');
  });
});

describe('the verdict', () => {
  it('no changes', () => {
    expect(planVerdict(EMPTY_PLAN).kind).toBe('no-changes');
    expect(renderPlanMarkdown(EMPTY_PLAN)).toContain('**✅ No changes.** The registry already matches the files; applying does nothing.');
  });

  it('blocked: each blocked change, and only the ways out that apply to it', () => {
    const v = planVerdict(PLAN);
    expect(v.kind).toBe('blocked');
    expect(v.reasons).toEqual([
      'repository["old/tool"]: holds 12 images; apply --force-delete to delete them',
      'repository["secure/db"]: holds 1 image; apply --force-delete to delete them',
    ]);
    const md = renderPlanMarkdown(PLAN);
    expect(md).toContain('**⛔ Blocked.** Apply would refuse this plan as it stands: 2 reasons.');
    expect(md).toContain('- keep the repository as it is: undo the change to the field ECR cannot change in place');
    expect(md).not.toContain('--max-deletes');
  });

  it('a registry-wide reason the plan records (more deletes than --max-deletes) blocks it too', () => {
    const plan = { ...importPlan(2), registries: [{ id: '123456789012/eu-west-1', blocked: ['12 deletes, more than --max-deletes 10'] }] };
    const v = planVerdict(plan);
    expect(v).toMatchObject({ kind: 'blocked', reasons: ['123456789012/eu-west-1: 12 deletes, more than --max-deletes 10'] });
    expect(v.waysOut).toEqual(['delete fewer repositories in one change, or raise the limit with `--max-deletes N`']);
  });
});

describe('a drift markdown report always fits', () => {
  it('5,000 drifted resources and 5,000 unmanaged repositories', () => {
    const missing = importPlan(2_500).changes;
    const report: DriftReport = {
      formatVersion: 1,
      inSync: false,
      modified: [],
      missing,
      orphaned: [],
      unmanaged: Array.from({ length: 5_000 }, (_, i) => `handmade-${i}`),
      coverage: { managed: 0, live: 5_000 },
    };
    const md = renderDriftMarkdown(report, PLAN.registry);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain('| missing | 5000 |');
    expect(md).toMatch(/> \*\*Detail cut:\*\* \d+ of 5001 entries shown/);
  });
});

describe('prefixOf', () => {
  it('groups by the first path segment, names without one together, and registry-wide resources together', () => {
    expect(prefixOf('repository["team-a/api"].policy')).toBe('team-a/');
    expect(prefixOf('repository["a/b/c"]')).toBe('a/');
    expect(prefixOf('repository["tool"]')).toBe('(no prefix)');
    expect(prefixOf('registry.scanning')).toBe('(registry settings)');
    expect(prefixOf('pullThroughCache["ecr-public"]')).toBe('(registry settings)');
  });
});
