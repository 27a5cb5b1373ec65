import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { fromPlanDocument, toPlanDocument } from '../../src/run/plan-document.js';
import type { RegistryOutcome } from '../../src/model/run.js';
import { desiredRepo, desiredState, liveState, planOptions } from '../helpers/builders.js';

const ref = (accountId: string, region: string) => ({ id: `${accountId}/${region}`, accountId, region, roleArn: `arn:aws:iam::${accountId}:role/r`, externalId: null });

function outcomes(): RegistryOutcome[] {
  const a = plan(desiredState([desiredRepo('x'), desiredRepo('y')]), liveState([], { registryId: '111111111111', region: 'us-east-1' }), planOptions());
  const b = plan(desiredState([desiredRepo('x')]), liveState([], { registryId: '222222222222', region: 'eu-west-1' }), planOptions());
  return [
    { registry: ref('111111111111', 'us-east-1'), plan: a, warnings: ['w'] },
    { registry: ref('222222222222', 'eu-west-1'), plan: b, blocked: ['prod/registry.yaml:9:9: not allowed'] },
    { registry: ref('333333333333', 'us-east-1'), error: { code: 'AccessDeniedException', message: 'no' } },
  ];
}

describe('the plan document, format version 2', () => {
  it('lists every registry with its summary, names the registry of each change, and totals the summaries', () => {
    const doc = toPlanDocument(outcomes(), { toolVersion: '9.9.9', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(doc.formatVersion).toBe(2);
    expect(doc.registries.map((r) => [r.id, r.summary.create, r.error?.code ?? null, r.blocked.length, r.warnings])).toEqual([
      ['111111111111/us-east-1', 2, null, 0, ['w']],
      ['222222222222/eu-west-1', 1, null, 1, []],
      ['333333333333/us-east-1', 0, 'AccessDeniedException', 0, []],
    ]);
    expect(doc.changes.map((c) => `${c.registry} ${c.address}`)).toEqual([
      '111111111111/us-east-1 repository["x"]',
      '111111111111/us-east-1 repository["y"]',
      '222222222222/eu-west-1 repository["x"]',
    ]);
    expect(doc.summary.create).toBe(3);
  });

  it('reads back each registry own plan exactly as plan() made it', () => {
    const original = outcomes();
    const back = fromPlanDocument(JSON.parse(JSON.stringify(toPlanDocument(original, { toolVersion: '9.9.9', createdAt: original[0].plan!.createdAt }))));
    for (const i of [0, 1]) {
      expect(back[i].plan!.changes).toEqual(original[i].plan!.changes);
      expect(back[i].plan!.summary).toEqual(original[i].plan!.summary);
      expect(back[i].plan!.registry).toEqual(original[i].plan!.registry);
      expect(back[i].registry).toEqual(original[i].registry);
    }
    // Back in the plan, where apply refuses it.
    expect(back[1].plan!.blocked).toEqual(['prod/registry.yaml:9:9: not allowed']);
    expect(back[2].error).toEqual({ code: 'AccessDeniedException', message: 'no' });
  });
});
