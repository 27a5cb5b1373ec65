import { describe, expect, it } from 'vitest';
import { renderApplyText, renderPlanText } from '../../src/render/text.js';
import { EMPTY_PLAN, FAILED_APPLY, PLAN } from './fixtures/plan-fixture.js';

const ESC = '\u001b[';

describe('the plain plan', () => {
  it('shows every action and kind as a tree of plain lines', async () => {
    const text = renderPlanText(PLAN, { color: false });
    await expect(text).toMatchFileSnapshot('__snapshots__/plan.txt');
    expect(text).not.toContain(ESC);
  });

  it('keeps the line formats scripts and tests grep for', () => {
    const text = renderPlanText(PLAN, { color: false });
    expect(text).toContain('  - repository["scratch"]  delete (prune)\n');
    expect(text).toContain('  ~ repository["legacy/api"].tags  update (adopt)\n');
    expect(text).toContain('      ! blocked: holds 12 images; apply --force-delete to delete them\n');
    expect(text).toContain('      ! will expire 7 images (1.0 GB) now, by rule 1 (keep the newest)\n');
    const wide = renderPlanText(PLAN, { color: false, width: 160 });
    expect(wide.trimEnd().split('\n').at(-1)).toBe('Plan: 3 to create, 6 to update, 1 to replace, 2 to delete (41 unchanged), across 6 repositories and the registry settings.');
  });

  it('says so when nothing changes', () => {
    expect(renderPlanText(EMPTY_PLAN, { color: false })).toContain('No changes. The live registry matches the files.');
  });

  it('colours only when asked to', () => {
    const coloured = renderPlanText(PLAN, { color: true });
    expect(coloured).toContain(`${ESC}31m- repository["scratch"]`);
    expect(coloured).toContain(`${ESC}32m+ repository["team-a/api"]`);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderPlanText(PLAN, { color: false }));
  });
});

describe('the plain apply report', () => {
  it('lists each step as done, failed with the AWS error, or not started', async () => {
    const text = renderApplyText(FAILED_APPLY, { color: false });
    await expect(text).toMatchFileSnapshot('__snapshots__/apply-failed.txt');
    expect(text).toContain('✓ done  repository["team-a/api"]  create (CreateRepository)\n');
    expect(text).toContain('✗ failed  repository["legacy/api"]  update (PutImageScanningConfiguration)\n');
    expect(text).toContain('    AccessDeniedException: User is not authorized');
    expect(text).toContain('- not started  repository["scratch"]  delete (DeleteRepository)\n');
    expect(text).toContain('Apply failed: 2 done, 1 failed, 1 not started.');
  });
});
