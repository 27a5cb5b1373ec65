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
  it('writes the apply report whole when apply has finished, and nothing for the steps before', () => {
    const io = fakeIo();
    const view = plainView(io, io.stdout);
    view.applyEvent({ type: 'step-started', step: FAILED_APPLY.steps[0] });
    view.applyEvent({ type: 'step-done', step: FAILED_APPLY.steps[0] });
    expect(io.out).toBe('');
    view.applyEvent({ type: 'finished', result: FAILED_APPLY });
    expect(io.out).toContain('✗ failed  repository["legacy/api"]  update (PutImageScanningConfiguration)\n');
    expect(io.out).not.toContain('\u001b[');
  });
});
