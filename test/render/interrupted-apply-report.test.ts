import { describe, expect, it } from 'vitest';
import { PHASES, type ApplyResult, type StepResult, type StepStatus } from '../../src/apply/step.js';
import { renderRunApply } from '../../src/commands/run-apply-output.js';
import type { RegistryApplyOutcome } from '../../src/run/apply-registries.js';
import { fakeIo } from '../commands/fake-io.js';

/*
 * The report of an apply over several registries that a signal stopped
 * (exit 130): those registries are interrupted, not failed, in the JSON, the
 * total line and the markdown table; a registry that failed on its own stays
 * failed beside them.
 */

const ref = (accountId: string, region: string) => ({ id: `${accountId}/${region}`, accountId, region, roleArn: null });

/** One create step per status, in order, as apply() returns them. */
const steps = (...statuses: StepStatus[]): StepResult[] =>
  statuses.map((status, i) => ({
    address: `repository["r${i}"]`,
    action: 'create',
    phase: PHASES.repositories,
    calls: ['CreateRepository'],
    status,
    ...(status === 'failed' ? { error: { code: 'LimitExceededException', message: 'too many repositories' } } : {}),
  }));

// apply() after a first signal: the calls in flight finished, the rest never started.
const STOPPED: ApplyResult = { ok: false, interrupted: true, steps: steps('done', 'done', 'not-started', 'not-started') };
// A snapshot at a second signal: the step still in flight is interrupted (outcome unknown).
const CUT: ApplyResult = { ok: false, interrupted: true, steps: steps('done', 'interrupted', 'not-started') };
const FAILED: ApplyResult = { ok: false, steps: steps('done', 'failed', 'not-started') };
const DONE: ApplyResult = { ok: true, steps: steps('done') };

const A = ref('111111111111', 'us-east-1');
const B = ref('222222222222', 'eu-west-1');
const C = ref('333333333333', 'us-west-2');

const BOTH_STOPPED: RegistryApplyOutcome[] = [
  { registry: A, result: STOPPED },
  { registry: B, result: STOPPED },
];
const MIXED: RegistryApplyOutcome[] = [
  { registry: A, result: CUT },
  { registry: B, result: FAILED },
  { registry: C, result: DONE },
];

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
const table = (markdown: string) => markdown.split('\n').filter((l) => l.startsWith('| `'));

describe('the report of an interrupted apply over several registries', () => {
  it('JSON: interrupted: true on each stopped registry and at the top; none on a failed or done one', () => {
    const doc = JSON.parse(renderRunApply(MIXED, 'json', fakeIo()));
    expect(doc.ok).toBe(false);
    expect(doc.interrupted).toBe(true);
    expect(doc.registries.map((r: { id: string; ok: boolean; interrupted?: boolean }) => [r.id, r.ok, r.interrupted])).toEqual([
      [A.id, false, true],
      [B.id, false, undefined],
      [C.id, true, undefined],
    ]);
    expect(doc.registries[0].steps.map((s: StepResult) => s.status)).toEqual(['done', 'interrupted', 'not-started']);
  });

  it('JSON: no interrupted key anywhere when no signal stopped the apply', () => {
    const doc = JSON.parse(renderRunApply([{ registry: B, result: FAILED }, { registry: C, result: DONE }], 'json', fakeIo()));
    expect('interrupted' in doc).toBe(false);
    expect(doc.registries.some((r: object) => 'interrupted' in r)).toBe(false);
  });

  it('text: the total counts stopped registries as interrupted, not failed', () => {
    expect(lastLine(renderRunApply(BOTH_STOPPED, 'text', fakeIo()))).toBe('Total over 2 registries (2 interrupted): 4 step(s) done, 0 failed, 4 not started.');
  });

  it('text: steps still in flight are counted as interrupted (outcome unknown), as the one-registry summary counts them', () => {
    expect(lastLine(renderRunApply(MIXED, 'text', fakeIo()))).toBe(
      'Total over 3 registries (1 failed, 1 interrupted): 3 step(s) done, 1 failed, 1 interrupted (outcome unknown), 2 not started.',
    );
  });

  it('markdown: the total and the outcome cell of each registry say interrupted', () => {
    const markdown = renderRunApply(MIXED, 'markdown', fakeIo());
    expect(markdown).toContain('**Total over 3 registries (1 failed, 1 interrupted): 3 step(s) done, 1 failed, 1 interrupted (outcome unknown), 2 not started.**');
    expect(table(markdown)).toEqual([`| \`${A.id}\` | interrupted | 1 | 0 | 1 |`, `| \`${B.id}\` | failed | 1 | 1 | 1 |`, `| \`${C.id}\` | done | 1 | 0 | 0 |`]);
  });
});
