import { describe, expect, it } from 'vitest';
import { plan, summarize } from '../../src/plan/plan.js';
import { EcrformError, PlanTimeError } from '../../src/errors.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

function refusal(run: () => unknown): EcrformError {
  try {
    run();
  } catch (err) {
    if (err instanceof EcrformError) return err;
    throw err;
  }
  throw new Error('the plan was not refused');
}

describe('plan refuses what it may not do, before any change', () => {
  it('files for another account: ACCOUNT_MISMATCH naming both accounts', () => {
    const desired = desiredState([desiredRepo('a')], { registry: { accountId: '999999999999' } });
    const err = refusal(() => plan(desired, liveState([]), planOptions()));
    expect(err.code).toBe('ACCOUNT_MISMATCH');
    expect(err.message).toBe('the files are for account 999999999999, but the credentials reach registry 123456789012; nothing was planned');
    const same = desiredState([desiredRepo('a')], { registry: { accountId: '123456789012' } });
    expect(plan(same, liveState([]), planOptions()).changes).toHaveLength(1);
  });

  it('a declared repository of another stack is refused at its line, naming both stacks', () => {
    const desired = desiredState([desiredRepo('a', { source: { file: 'team.yaml', line: 4, col: 3 } })], { stack: 'web' });
    const live = liveState([liveRepo('a', { tags: { 'managed-by': 'ecrform:data' } })]);
    const err = refusal(() => plan(desired, live, planOptions()));
    expect(err).toBeInstanceOf(PlanTimeError);
    expect(err.diagnostics).toEqual([
      {
        file: 'team.yaml',
        line: 4,
        col: 3,
        path: '/repositories/a',
        message:
          'repository "a" is owned by stack "data" (managed-by: ecrform:data), not by stack "web"; remove it from these files, or from the other stack\'s files and then change its managed-by tag',
      },
    ]);
  });

  it('files without a stack meet a repository of a named stack, and the other way round', () => {
    const named = refusal(() => plan(desiredState([desiredRepo('a')]), liveState([liveRepo('a', { tags: { 'managed-by': 'ecrform:data' } })]), planOptions()));
    expect(named.diagnostics[0].message).toMatch(/^repository "a" is owned by stack "data" \(managed-by: ecrform:data\), not by these files \(no stack\);/);
    const unnamed = refusal(() => plan(desiredState([desiredRepo('a')], { stack: 'web' }), liveState([liveRepo('a', { tags: OWNED })]), planOptions()));
    expect(unnamed.diagnostics[0].message).toMatch(/^repository "a" is owned by ecrform files that name no stack \(managed-by: ecrform\), not by stack "web";/);
  });

  it('every plan-time problem of every repository is reported in one run', () => {
    const desired = desiredState([
      desiredRepo('a', { images: { prod: { digest: digest('9') } } }),
      desiredRepo('b'),
      desiredRepo('c'),
    ]);
    const live = liveState([
      liveRepo('a', { tags: OWNED, images: [image('1', 1)] }),
      liveRepo('b', { tags: { 'managed-by': 'ecrform:other' } }),
      liveRepo('c', { tags: OWNED }),
    ]);
    const err = refusal(() => plan(desired, live, planOptions()));
    expect(err.code).toBe('PLAN_REFUSED');
    expect(err.diagnostics.map((d) => d.path)).toEqual(['/repositories/a/images', '/repositories/b']);
  });
});

describe('prune', () => {
  const live = liveState([
    liveRepo('mine', { tags: OWNED }),
    liveRepo('theirs', { tags: { 'managed-by': 'ecrform:other' } }),
    liveRepo('handmade', { tags: {} }),
    liveRepo('declared', { tags: OWNED }),
  ]);

  it('deletes only undeclared repositories carrying this stack\'s tag', () => {
    const result = plan(desiredState([desiredRepo('declared', { tags: OWNED })], { prune: true }), live, planOptions());
    expect(result.changes.map((c) => [c.address, c.action, c.reason])).toEqual([['repository["mine"]', 'delete', 'prune']]);
    expect(result.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 1, unchanged: 2 });
  });

  it('without prune nothing undeclared is touched', () => {
    expect(plan(desiredState([desiredRepo('declared', { tags: OWNED })]), live, planOptions()).changes).toEqual([]);
  });
});

describe('summarize', () => {
  it('counts each action and carries the unchanged count', () => {
    const change = (action: 'create' | 'update' | 'replace' | 'delete') => ({ action }) as never;
    expect(summarize([change('create'), change('create'), change('update'), change('replace'), change('delete')], 7)).toEqual({
      create: 2,
      update: 1,
      replace: 1,
      delete: 1,
      unchanged: 7,
    });
  });
});
