import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendStepSummary } from '../../src/commands/step-summary.js';
import { fakeIo } from './fake-io.js';

describe('appendStepSummary', () => {
  it('appends to the file GITHUB_STEP_SUMMARY names, after what earlier steps wrote', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ecrform-summary-')), 'summary.md');
    await writeFile(path, '## earlier step\n');
    await appendStepSummary(fakeIo({ env: { GITHUB_STEP_SUMMARY: path } }), '### ecrform plan');
    expect(await readFile(path, 'utf8')).toBe('## earlier step\n### ecrform plan\n');
  });

  it('does nothing without GITHUB_STEP_SUMMARY', async () => {
    const io = fakeIo();
    await appendStepSummary(io, '### ecrform plan');
    expect(io.err).toBe('');
  });

  it('warns, and does not fail, when the file cannot be written', async () => {
    const io = fakeIo({ env: { GITHUB_STEP_SUMMARY: '/nonexistent-dir/summary.md' } });
    await appendStepSummary(io, '### ecrform plan');
    expect(io.err).toMatch(/^warning: could not append to GITHUB_STEP_SUMMARY \(\/nonexistent-dir\/summary\.md\)/);
  });
});
