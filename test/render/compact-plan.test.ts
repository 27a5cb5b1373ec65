import { describe, expect, it } from 'vitest';
import { confirmQuestion, destructiveSummary } from '../../src/render/apply-words.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { renderPlanText } from '../../src/render/text.js';
import { renderPlanJson } from '../../src/render/json.js';
import {
  DESTRUCTIVE,
  LIFECYCLE_UPDATE,
  LIFECYCLE_WRITTEN,
  POLICY_UPDATE,
  POLICY_WRITTEN,
  SHARED_FILE,
  SHARED_FILE_HINTS,
  SHARED_INLINE,
  digests,
  planOf,
} from './fixtures/compact-cases.js';

const hints = {
  documents: {
    [POLICY_UPDATE.address]: { written: POLICY_WRITTEN },
    [LIFECYCLE_UPDATE.address]: { written: LIFECYCLE_WRITTEN },
    ...SHARED_FILE_HINTS.documents,
  },
};

const CASES = {
  'policy-update': planOf([POLICY_UPDATE]),
  'lifecycle-update': planOf([LIFECYCLE_UPDATE]),
  'shared-file': planOf(SHARED_FILE),
  'shared-inline': planOf(SHARED_INLINE),
  destructive: planOf(DESTRUCTIVE),
};

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('compact plans: snapshots of plain text and markdown at 80 and 160 columns', () => {
  for (const [name, plan] of Object.entries(CASES)) {
    // The inline case has no files: its repeated document is said once, then referred to.
    const shown = name === 'shared-inline' ? {} : { hints };
    for (const width of [80, 160]) {
      it(`${name}, text at ${width} columns`, async () => {
        const text = renderPlanText(plan, { color: false, width, ...shown });
        await expect(text).toMatchFileSnapshot(`__snapshots__/compact/${name}.${width}.txt`);
        // Every line fits, but a change line: it keeps its whole address, for --target and grep.
        for (const line of text.split('\n').filter((l) => !/^ {2}[-+~±] /.test(l))) expect(line.length, line).toBeLessThanOrEqual(width);
      });
    }
    it(`${name}, markdown`, async () => {
      await expect(renderPlanMarkdown(plan, shown)).toMatchFileSnapshot(`__snapshots__/compact/${name}.md`);
    });
  }
});

describe('documents as the user wrote them', () => {
  it('a policy update shows only the changed statement, field by field, and folds the other three', () => {
    const text = renderPlanText(CASES['policy-update'], { color: false, width: 160, hints });
    expect(text).toContain(
      [
        '  ~ repository["team-a/api"].policy  update',
        '      ~ Statement "ci-push":',
        '      ~   Action:',
        '      +     - ecr:CompleteLayerUpload',
        '            … 2 unchanged',
        '        … 3 unchanged statements',
      ].join('\n'),
    );
    for (const sid of ['ci-pull', 'analytics-pull', 'audit-read']) expect(text).not.toContain(sid);
  });

  it('--full shows the unchanged statements too', () => {
    const text = renderPlanText(CASES['policy-update'], { color: false, width: 160, hints, full: true });
    for (const sid of ['ci-pull', 'analytics-pull', 'audit-read']) expect(text).toContain(`Statement "${sid}":`);
    expect(text).not.toContain('unchanged statements');
  });

  it('a lifecycle update is a diff by rulePriority; each expiring image shows its tags, age and rule', () => {
    const text = renderPlanText(CASES['lifecycle-update'], { color: false, width: 160, hints });
    expect(text).toContain('      ~ rule 2 "Keep the newest pull-request builds":\n      ~   selection.countNumber: 10 -> 5\n        … 1 unchanged rule\n');
    expect(text).toContain('      ! will expire 3 images (150.0 MB) now\n');
    expect(text).toContain('      !   <untagged> sha256:111111111111  pushed 41 days ago  by rule 1 (Drop untagged images after 14 days)\n');
    expect(text).toContain('      !   pr-101, pr-101-amd64  pushed 20 days ago  by rule 2 (Keep the newest pull-request builds)\n');
    expect(text).toContain('      !   pr-102  pushed 1 day ago  by rule 2');
  });

  it('a created document is laid out in the key order of the file, not sorted', () => {
    const plan = planOf([{ ...SHARED_INLINE[1] }]);
    const text = renderPlanText(plan, { color: false, width: 160, hints: { documents: { [SHARED_INLINE[1].address]: { written: LIFECYCLE_WRITTEN } } } });
    const keys = ['rulePriority', 'description', 'selection', 'tagStatus', 'countType', 'countNumber', 'action'];
    const at = keys.map((k) => text.indexOf(`${k}:`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('say a document once', () => {
  it('a document from a policy file is its file name, size and short digest', () => {
    const text = renderPlanText(CASES['shared-file'], { color: false, width: 160, hints });
    expect(count(text, '      = policies/keep-last-30.json (1 rule, sha256:')).toBe(11);
    expect(text).not.toContain('rulePriority');
  });

  it('the same inline document across 11 repositories is shown in full once, then referred to', () => {
    const text = renderPlanText(CASES['shared-inline'], { color: false, width: 160 });
    expect(count(text, 'rulePriority: 1')).toBe(1);
    expect(count(text, '= same as repository["svc-01"].lifecyclePolicy (1 rule, sha256:')).toBe(10);
    const md = renderPlanMarkdown(CASES['shared-inline']);
    expect(count(md, 'rulePriority: 1')).toBe(1);
    const full = renderPlanText(CASES['shared-inline'], { color: false, width: 160, full: true });
    expect(count(full, 'rulePriority: 1')).toBe(11);
  });

  it('leaves the JSON plan whole', () => {
    const json = JSON.parse(renderPlanJson(CASES['shared-inline']));
    expect(json.changes).toHaveLength(22);
    for (const c of json.changes.filter((c: { kind: string }) => c.kind === 'lifecyclePolicy')) expect(c.after.rules).toHaveLength(1);
  });
});

describe('levels', () => {
  it('"expires no images" is a dim note on an existing repository, and left out on a new one', () => {
    const existing = renderPlanText(CASES['shared-file'], { color: false, width: 160, hints });
    expect(count(existing, '      · expires no images now')).toBe(10);
    expect(existing).toContain('      ! will expire 2 images (20.0 MB) now, by rule 1 (Keep the 30 most recent images)\n      !   v1.0  pushed 90 days ago\n');
    const created = renderPlanText(CASES['shared-inline'], { color: false, width: 160 });
    expect(created).not.toMatch(/expires no images|will expire/);
    // Colour: a note is grey, an expiry yellow.
    const coloured = renderPlanText(CASES['shared-file'], { color: true, width: 160, hints });
    expect(coloured).toContain('\u001b[90m· expires no images now');
    expect(coloured).toContain('\u001b[33m! will expire 2 images');
  });
});

describe('nested values', () => {
  it('as indented and dotted fields; a tag update one tag a line', () => {
    const replace = renderPlanText(CASES.destructive, { color: false, width: 160 });
    expect(replace).toContain('      ~ encryption:\n      ~   type: AES256 -> KMS\n      +   kmsKey: arn:aws:kms:');
    // A replace's `before` holds `policy: null` where the repository has none: nothing to show for it.
    expect(replace).not.toMatch(/policy: null|lifecyclePolicy: null/i);
    expect(renderPlanText(CASES.destructive, { color: false, width: 160 })).not.toMatch(/[{"]type"/);
  });
});

describe('what every repository has is folded (--full shows it)', () => {
  const created = planOf([SHARED_INLINE[0]]);

  it('a created repository: no AES256 (ECR\'s default), no ownership tag, its tags on one line', () => {
    const text = renderPlanText(created, { color: false, width: 160 });
    expect(text).toContain('  + repository["svc-01"]  create\n      + imageTagMutability: IMMUTABLE\n      + scanOnPush: true\n      + tags: team = "a"\n');
    expect(text).not.toContain('encryption');
    expect(text).not.toContain('managed-by');
  });

  it('--full shows them, each tag on its own line', () => {
    const text = renderPlanText(created, { color: false, width: 160, full: true });
    expect(text).toContain('      + encryption.type: AES256\n      + tags:\n      +   managed-by = "ecrform"\n      +   team = "a"\n');
  });

  it('KMS encryption is always shown, and many tags go one a line', () => {
    const kms = { ...SHARED_INLINE[0], after: { ...(SHARED_INLINE[0].after as object), encryption: { type: 'KMS' }, tags: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => [`team-${k}`, `value-${k}`])) } };
    const text = renderPlanText(planOf([kms]), { color: false, width: 160 });
    expect(text).toContain('      + encryption.type: KMS\n');
    expect(text).toContain('      + tags:\n      +   team-a = "value-a"\n');
  });

  it('a deleted repository: its settings and tags go with it; its images are said', () => {
    const text = renderPlanText(planOf([DESTRUCTIVE[1]]), { color: false, width: 160 });
    expect(text).toContain('  - repository["search/legacy"]  delete (prune)\n      ! blocked: holds 3 images;');
    expect(renderPlanText(planOf([DESTRUCTIVE[1]]), { color: false, width: 160, full: true })).toContain('      - scanOnPush: false\n');
  });

  it('a repository whose own change comes first has no title line above it; one without keeps it', () => {
    const text = renderPlanText(planOf([SHARED_INLINE[0], SHARED_INLINE[1]]), { color: false, width: 160 });
    expect(text).not.toContain('repository "svc-01"');
    expect(text).toMatch(/^ {2}\+ repository\["svc-01"\]  create$/m);
    const policyOnly = renderPlanText(CASES['policy-update'], { color: false, width: 160, hints });
    expect(policyOnly).toContain('repository "team-a/api"\n  ~ repository["team-a/api"].policy  update\n');
  });

  it('images of one tag pushed the same day share a line when one rule expires them all', () => {
    const images = ['v1.1', 'v1.2', 'v1.3'].map((tag, i) => ({ digest: `sha256:${String(i).repeat(64)}`, tags: [tag], pushedAt: '2026-11-23T08:00:00.000Z' }));
    const untagged = { digest: `sha256:${'9'.repeat(64)}`, tags: [], pushedAt: '2026-11-23T08:00:00.000Z' };
    const change = { ...SHARED_FILE[1], expires: { count: 4, bytes: 4096, images: [...images, untagged] } };
    const text = renderPlanText(planOf([change]), { color: false, width: 160, hints: SHARED_FILE_HINTS });
    expect(text).toContain('      !   v1.1, v1.2, v1.3  pushed today\n      !   <untagged> sha256:999999999999  pushed today\n');
    const full = renderPlanText(planOf([change]), { color: false, width: 160, hints: SHARED_FILE_HINTS, full: true });
    expect(full).toContain('      !   v1.1  pushed today\n      !   v1.2  pushed today\n');
  });
});

describe('width', () => {
  it('wraps at 80 columns at spaces, keeping the gutter and hanging under the text', () => {
    const text = renderPlanText(CASES.destructive, { color: false, width: 80 });
    expect(text).toContain(
      '      ! warning: encryption cannot change on a live repository: it is deleted\n          and created again\n',
    );
    const wide = renderPlanText(CASES.destructive, { color: false, width: 160 });
    expect(wide).toContain('      ! warning: encryption cannot change on a live repository: it is deleted and created again\n');
  });
});

describe('counts a person expects', () => {
  it('the summary adds the repositories touched', () => {
    const text = renderPlanText(CASES['shared-inline'], { color: false, width: 160 });
    expect(text.trimEnd().split('\n').at(-1)).toBe('Plan: 22 to create, 0 to update, 0 to replace, 0 to delete (7 unchanged), across 11 repositories.');
  });

  it('the y/N question says what is destructive', () => {
    expect(destructiveSummary(DESTRUCTIVE)).toBe('This deletes 1 repository, replaces 1 repository and destroys 19 images.');
    expect(destructiveSummary([DESTRUCTIVE[1], { ...DESTRUCTIVE[1], address: 'repository["x"]', images: digests('x', 13) }])).toBe(
      'This deletes 2 repositories and destroys 16 images.',
    );
    expect(destructiveSummary([LIFECYCLE_UPDATE])).toBe('This destroys 3 images.');
    expect(confirmQuestion([POLICY_UPDATE])).toBe('Apply these changes? [y/N] ');
  });

  it('counts the images a delete destroys from the digests the plan recorded, not from its words', () => {
    // plan --force-delete: the delete is allowed, so it has no blocked reason; its images are still destroyed.
    const forced = { ...DESTRUCTIVE[1], blocked: undefined, warnings: ['destroys 3 images (plan --force-delete)'] };
    expect(confirmQuestion([forced])).toBe('This deletes 1 repository and destroys 3 images. Apply these changes? [y/N] ');
    // The words may say anything: the recorded digests are what apply checks again and destroys.
    expect(destructiveSummary([{ ...DESTRUCTIVE[1], blocked: 'holds 99 images; deleting it destroys them' }])).toBe('This deletes 1 repository and destroys 3 images.');
    // An empty repository destroys no image.
    expect(destructiveSummary([{ ...DESTRUCTIVE[1], blocked: undefined, images: [] }])).toBe('This deletes 1 repository.');
  });

  it('the markdown verdict says what is destructive, outside every collapsed block', () => {
    const forced = { ...DESTRUCTIVE[1], blocked: undefined, warnings: ['destroys 3 images (plan --force-delete)'] };
    const markdown = renderPlanMarkdown(planOf([POLICY_UPDATE, forced]));
    const verdict = markdown.split('\n').find((l) => l.startsWith('**✅ Applies cleanly.**'));
    expect(verdict).toBe('**✅ Applies cleanly.** 2 changes, none blocked. ⚠️ This deletes 1 repository and destroys 3 images.');
    expect(markdown.indexOf(verdict!)).toBeLessThan(markdown.indexOf('<details'));
    expect(renderPlanMarkdown(planOf([POLICY_UPDATE]))).toContain('**✅ Applies cleanly.** 1 change, none blocked.\n');
  });
});
