import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgEnv, registryYaml, type OrgEnv } from '../helpers/org-env.js';

/*
 * GitHub Actions shows GITHUB_STEP_SUMMARY on the run's page: an apply over
 * several registries appends its markdown report there (overview table, total,
 * then each registry's own steps), failures included, as plan and drift do.
 */

let env: OrgEnv;
beforeEach(async () => {
  env = await orgEnv();
  const [prod, prodEu, dev] = env.registries;
  await env.write(`${prod.folder}/registry.yaml`, registryYaml(prod, 'repositories:\n  team-a/api:\n  team-b/worker:\n'));
  await env.write(`${prodEu.folder}/registry.yaml`, registryYaml(prodEu, 'repositories:\n  team-a/api:\n'));
  await env.write(`${dev.folder}/registry.yaml`, registryYaml(dev, 'repositories:\n  base:\n'));
});
afterEach(() => env.close());

const files = () => env.registries.flatMap((r) => ['-f', r.folder]);

describe('apply over several registries and GITHUB_STEP_SUMMARY', () => {
  it('appends the grouped markdown report: each registry\'s outcome, the total, and each one\'s steps, a failed one included', async () => {
    const [prod, prodEu, dev] = env.registries;
    env.proxy.addFault({ operation: 'CreateRepository', region: prodEu.region, kind: 'error', code: 'InvalidParameterException', message: 'injected', times: 1 });
    const summary = join(env.dir, 'step-summary.md');
    const applied = await env.cli(['apply', ...files(), '--auto-approve'], { GITHUB_STEP_SUMMARY: summary });
    expect(applied.code).toBe(1);
    const page = await readFile(summary, 'utf8');
    // Only apply's report: planning inside apply appends nothing of its own.
    expect(page.startsWith('## ecrform apply: 3 registries\n\n**Total over 3 registries (1 failed): 3 step(s) done, 1 failed, 0 not started.**\n')).toBe(true);
    expect(page).toContain(`| \`${prod.id}\` | done | 2 | 0 | 0 |`);
    expect(page).toContain(`| \`${prodEu.id}\` | failed | 0 | 1 | 0 |`);
    expect(page).toContain(`| \`${dev.id}\` | done | 1 | 0 | 0 |`);
    for (const r of env.registries) expect(page).toContain(`### ecrform apply: registry \`${r.id}\``);
    expect(page).toContain('InvalidParameterException');
    expect(page.split('## ecrform apply: 3 registries')).toHaveLength(2);
  }, 120_000);
});
