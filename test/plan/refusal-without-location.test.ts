import { describe, expect, it, vi } from 'vitest';
import { EcrformError } from '../../src/errors.js';
import { desiredRepo, desiredState, liveState, planOptions } from '../helpers/builders.js';

/*
 * A refusal raised while diffing a repository that names no file line cannot
 * be collected with the others; it must stop the plan with its own words, not
 * vanish and leave the repository out of the plan. No differ raises one today,
 * so a stand-in differ does.
 */

vi.mock('../../src/plan/diff-repository.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/plan/diff-repository.js')>()),
  diffDeclaredRepository: () => {
    throw new EcrformError('PLAN_REFUSED', 'repository "app": refused without a file line');
  },
}));

const { plan } = await import('../../src/plan/plan.js');

describe('a refusal without a file line while planning a repository', () => {
  it('stops the plan with its message', () => {
    expect(() => plan(desiredState([desiredRepo('app')]), liveState([]), planOptions())).toThrow('repository "app": refused without a file line');
  });
});
