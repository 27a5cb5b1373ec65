import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DeleteSigningConfigurationCommand,
  DeregisterPullTimeUpdateExclusionCommand,
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetSigningConfigurationCommand,
  ListPullTimeUpdateExclusionsCommand,
  PutSigningConfigurationCommand,
  RegisterPullTimeUpdateExclusionCommand,
  SigningConfigurationNotFoundException,
} from '@aws-sdk/client-ecr';
import { createSdkPort } from '../../src/ecr/sdk-port.js';
import { readRegistrySettings } from '../../src/ecr/read-registry.js';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired, type ReadScope } from '../../src/ecr/read-scope.js';
import { plan } from '../../src/plan/plan.js';
import { apply } from '../../src/apply/apply.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import { ACCOUNT, desiredState, planOptions } from '../helpers/builders.js';
import { modelViolations } from '../helpers/ecr-model.js';

const ecr = mockClient(ECRClient);
const port = createSdkPort(new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }));

const NOTHING: ReadScope['registry'] = { policy: false, scanning: false, replication: false, pullThroughCache: false, creationTemplates: false, accountSettings: [] };
const PROFILE = `arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/ecr_signing`;
const RELEASE = `arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/release_signing`;
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

const nameOf = (command: object) => command.constructor.name.replace(/Command$/, '');
/** Every write the mock received, in order: [operation, input]. */
const writes = () =>
  ecr
    .calls()
    .map((call) => [nameOf(call.args[0] as object), (call.args[0] as { input: object }).input] as const)
    .filter(([name]) => !/^(Describe|Get|List)/.test(name));

async function planAndApply(registry: DesiredRegistry) {
  const desired = desiredState([], { registry });
  const live = await fetchLive(port, scopeOfDesired(desired), { region: 'us-east-1' });
  const planned = plan(desired, live, planOptions());
  const result = await apply(planned, port, { forceDelete: false, concurrency: 1 });
  return { planned, result };
}

const notFound = () => new SigningConfigurationNotFoundException({ message: `The signing configuration for registry '${ACCOUNT}' does not exist`, $metadata: {} });

beforeEach(() => {
  ecr.reset();
  ecr.on(DescribeRegistryCommand).resolves({ registryId: ACCOUNT, replicationConfiguration: { rules: [] } });
  ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [] });
});

afterEach(() => {
  // Every request ecrform sent must be one ECR's published model accepts.
  for (const call of ecr.calls()) {
    const command = call.args[0] as { input: object };
    expect(modelViolations(nameOf(command), command.input)).toEqual([]);
  }
});

describe('reading signing and exclusions through the SDK (moto has neither)', () => {
  it('SigningConfigurationNotFoundException reads as "no configuration"; so does a configuration without rules', async () => {
    ecr.on(GetSigningConfigurationCommand).rejectsOnce(notFound()).resolvesOnce({ registryId: ACCOUNT, signingConfiguration: { rules: [] } });
    expect(await readRegistrySettings(port, { ...NOTHING, signing: true }, { $metadata: {} })).toEqual({ signing: null });
    expect(await readRegistrySettings(port, { ...NOTHING, signing: true }, { $metadata: {} })).toEqual({ signing: null });
  });

  it('maps rules and their WILDCARD_MATCH filters; a rule without filters has none', async () => {
    ecr.on(GetSigningConfigurationCommand).resolves({
      registryId: ACCOUNT,
      signingConfiguration: {
        rules: [{ signingProfileArn: PROFILE, repositoryFilters: [{ filter: 'prod/*', filterType: 'WILDCARD_MATCH' }] }, { signingProfileArn: RELEASE }],
      },
    });
    expect((await readRegistrySettings(port, { ...NOTHING, signing: true }, { $metadata: {} })).signing).toEqual({
      rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*'] }, { signingProfileArn: RELEASE, repositoryFilters: [] }],
    });
  });

  it('lists the exclusions page by page (nextToken) into one sorted set', async () => {
    ecr
      .on(ListPullTimeUpdateExclusionsCommand)
      .resolves({ pullTimeUpdateExclusions: [role('scanner-b'), role('scanner-a')], nextToken: 'page-2' })
      .on(ListPullTimeUpdateExclusionsCommand, { nextToken: 'page-2' })
      .resolves({ pullTimeUpdateExclusions: [role('auditor')] });
    const live = await readRegistrySettings(port, { ...NOTHING, pullTimeUpdateExclusions: true }, { $metadata: {} });
    expect(live.pullTimeUpdateExclusions).toEqual([role('auditor'), role('scanner-a'), role('scanner-b')]);
    expect(ecr.commandCalls(ListPullTimeUpdateExclusionsCommand).map((c) => c.args[0].input)).toEqual([
      { maxResults: 1000, nextToken: undefined },
      { maxResults: 1000, nextToken: 'page-2' },
    ]);
  });

  it('neither is read when the files do not manage it', async () => {
    await planAndApply({});
    expect(ecr.commandCalls(GetSigningConfigurationCommand)).toHaveLength(0);
    expect(ecr.commandCalls(ListPullTimeUpdateExclusionsCommand)).toHaveLength(0);
  });
});

describe('planning and applying signing and exclusions through the SDK', () => {
  it('creates the configuration and registers and deregisters single principals, in the registry phase', async () => {
    ecr.on(GetSigningConfigurationCommand).rejects(notFound());
    ecr.on(ListPullTimeUpdateExclusionsCommand).resolves({ pullTimeUpdateExclusions: [role('old-scanner'), role('scanner')] });
    const { planned, result } = await planAndApply({
      signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*', 'app*'] }, { signingProfileArn: RELEASE, repositoryFilters: [] }] },
      pullTimeUpdateExclusions: [role('scanner'), role('auditor')],
    });
    expect(planned.changes.map((c) => [c.address, c.action, c.calls.join('+')])).toEqual([
      ['registry.signing', 'create', 'PutSigningConfiguration'],
      [`registry.pullTimeUpdateExclusion["${role('auditor')}"]`, 'create', 'RegisterPullTimeUpdateExclusion'],
      [`registry.pullTimeUpdateExclusion["${role('old-scanner')}"]`, 'delete', 'DeregisterPullTimeUpdateExclusion'],
    ]);
    expect(planned.summary).toMatchObject({ create: 2, delete: 1, unchanged: 1 });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.phase)).toEqual([2, 2, 2]);
    expect(writes()).toEqual([
      [
        'PutSigningConfiguration',
        {
          signingConfiguration: {
            rules: [
              { signingProfileArn: PROFILE, repositoryFilters: [{ filter: 'app*', filterType: 'WILDCARD_MATCH' }, { filter: 'prod/*', filterType: 'WILDCARD_MATCH' }] },
              // No filters: the key is left out (ECR's model wants 1 to 100 when it is there).
              { signingProfileArn: RELEASE },
            ],
          },
        },
      ],
      ['RegisterPullTimeUpdateExclusion', { principalArn: role('auditor') }],
      ['DeregisterPullTimeUpdateExclusion', { principalArn: role('old-scanner') }],
    ]);
  });

  it.each([
    ['signing: null', null],
    ['rules: []', { rules: [] }],
  ] as const)('%s deletes the live configuration with DeleteSigningConfiguration', async (_name, signing) => {
    ecr.on(GetSigningConfigurationCommand).resolves({ registryId: ACCOUNT, signingConfiguration: { rules: [{ signingProfileArn: PROFILE }] } });
    const { planned, result } = await planAndApply({ signing: signing === null ? null : { rules: [] } });
    expect(planned.changes.map((c) => [c.address, c.action, c.before, c.after])).toEqual([
      ['registry.signing', 'delete', { rules: [{ repositoryFilters: [], signingProfileArn: PROFILE }] }, null],
    ]);
    expect(result.ok).toBe(true);
    expect(writes()).toEqual([['DeleteSigningConfiguration', {}]]);
    expect(ecr.commandCalls(PutSigningConfigurationCommand)).toHaveLength(0);
  });

  it('signing: null where there is none plans nothing and calls nothing', async () => {
    ecr.on(GetSigningConfigurationCommand).rejects(notFound());
    ecr.on(ListPullTimeUpdateExclusionsCommand).resolves({ pullTimeUpdateExclusions: [] });
    const { planned } = await planAndApply({ signing: null, pullTimeUpdateExclusions: [] });
    expect(planned.changes).toEqual([]);
    expect(writes()).toEqual([]);
    expect(ecr.commandCalls(DeleteSigningConfigurationCommand)).toHaveLength(0);
    expect(ecr.commandCalls(RegisterPullTimeUpdateExclusionCommand)).toHaveLength(0);
    expect(ecr.commandCalls(DeregisterPullTimeUpdateExclusionCommand)).toHaveLength(0);
  });
});
