import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import type { EcrPort } from '../../src/ecr/port.js';
import type { JsonObject } from '../../src/model/json.js';
import { plan } from '../../src/plan/plan.js';
import { desiredState, liveState, planOptions } from '../helpers/builders.js';
import { template } from '../registry/registry-builders.js';

/*
 * A plan saved before changes carried `written` (the policies as the files
 * write them) still applies: a creation template's lifecycle policy is then
 * sent as the plan's normalized document.
 */

function recordingPort() {
  const sent: Array<[string, unknown]> = [];
  const port = new Proxy({} as EcrPort, {
    get: (_t, op: string) => async (input: unknown) => {
      sent.push([op, input]);
      return { $metadata: {} };
    },
  });
  return { port, sent };
}

const LIFECYCLE = {
  rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }],
};

describe('an older saved plan whose creation template has a lifecycle policy', () => {
  it('creates the template with the lifecycle policy of the plan', async () => {
    const thePlan = plan(desiredState([], { registry: { creationTemplates: { prod: template({ lifecyclePolicy: LIFECYCLE }) } } }), liveState([]), planOptions());
    delete thePlan.changes[0].written;
    const { port, sent } = recordingPort();
    const result = await apply(thePlan, port, { concurrency: 1 });
    expect(result.ok).toBe(true);
    expect(sent.map(([op]) => op)).toEqual(['createRepositoryCreationTemplate']);
    const lifecyclePolicy = (sent[0][1] as { lifecyclePolicy: string }).lifecyclePolicy;
    expect(JSON.parse(lifecyclePolicy)).toEqual((thePlan.changes[0].after as JsonObject).lifecyclePolicy);
    expect(JSON.parse(lifecyclePolicy).rules[0].selection.countNumber).toBe(1);
  });
});
