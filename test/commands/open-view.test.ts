import { describe, expect, it } from 'vitest';
import { openView } from '../../src/commands/open-view.js';
import { plainView } from '../../src/commands/plain-view.js';
import { PLAN, FAILED_APPLY } from '../render/fixtures/plan-fixture.js';
import { fakeIo, recordingView } from './fake-io.js';

describe('openView', () => {
  it.each([
    ['text on a terminal', 'text', true, false, 'terminal'],
    ['text on a terminal with --debug', 'text', true, true, 'plain'],
    ['text without a terminal', 'text', false, false, 'plain'],
    ['json on a terminal', 'json', true, false, 'plain'],
    ['markdown on a terminal', 'markdown', true, false, 'plain'],
  ] as const)('%s gets the %s view', async (_what, format, terminal, debug, expected) => {
    const terminalView = recordingView(true);
    const io = fakeIo({ isTTY: terminal, view: terminal ? terminalView : undefined });
    const view = await openView(io, format, debug);
    expect(view === terminalView ? 'terminal' : 'plain').toBe(expected);
  });

  it('plain text goes to stdout; for json and markdown the human view goes to stderr', async () => {
    const text = fakeIo();
    (await openView(text, 'text', false)).plan(PLAN);
    expect(text.out).toContain('Plan: 3 to create');
    expect(text.err).toBe('');
    const json = fakeIo();
    (await openView(json, 'json', false)).plan(PLAN);
    expect(json.out).toBe('');
    expect(json.err).toContain('Plan: 3 to create');
  });
});

describe('plainView', () => {
  it('writes each phase as it starts and each step as it ends, with its duration, then the rest and the total time', () => {
    const io = fakeIo();
    let clock = 0;
    const view = plainView(io, io.stdout, () => clock);
    const [created, failed, , notStarted] = FAILED_APPLY.steps;
    view.applyEvent({ type: 'phase-started', phase: 3, steps: 1 });
    expect(io.out).toBe('\nApplying: repository creates and replaces\n');
    view.applyEvent({ type: 'step-started', step: created });
    clock = 420;
    view.applyEvent({ type: 'step-done', step: created });
    expect(io.out).toContain('✓ done  repository["team-a/api"]  create (CreateRepository)  420 ms\n');
    view.applyEvent({ type: 'phase-started', phase: 4, steps: 1 });
    view.applyEvent({ type: 'step-started', step: failed });
    clock = 2_920;
    view.applyEvent({ type: 'step-failed', step: failed });
    expect(io.out).toContain('Applying: repository settings, tags and policies\n✗ failed  repository["legacy/api"]  update (PutImageScanningConfiguration)  2.5 s\n    AccessDeniedException');
    view.applyEvent({ type: 'finished', result: FAILED_APPLY });
    expect(io.out).toContain(`- not started  ${notStarted.address}  delete (DeleteRepository)\n`);
    expect(io.out.trimEnd().split('\n').at(-1)).toBe('Apply failed: 2 done, 1 failed, 1 not started, after 2.9 s. Run apply again to continue from the live state.');
    expect(io.out).not.toContain('\u001b[');
  });
});
