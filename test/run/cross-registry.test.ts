import { describe, expect, it } from 'vitest';
import type { CreationTemplate, DesiredRegistry } from '../../src/model/desired.js';
import type { JsonObject } from '../../src/model/json.js';
import { checkReplication, policyAllows, type RunRegistry } from '../../src/run/cross-registry.js';
import { desiredRepo, desiredState, liveState } from '../helpers/builders.js';

const SRC = '111111111111';
const DST = '222222222222';
const RULE_AT = { file: 'prod/registry.yaml', line: 9, col: 9 };

const allow = (principal: unknown, actions: unknown, effect = 'Allow'): JsonObject =>
  ({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: principal, Action: actions, Resource: '*' }] }) as JsonObject;

const template = (appliedFor: CreationTemplate['appliedFor']): CreationTemplate => ({
  appliedFor,
  imageTagMutability: 'MUTABLE',
  imageTagMutabilityExclusionFilters: [],
  encryption: { type: 'AES256' },
  resourceTags: {},
  repositoryPolicy: null,
  lifecyclePolicy: null,
  source: { file: 'dev/registry.yaml', line: 1, col: 1 },
});

function run(dest: Partial<DesiredRegistry>, options: { destRepos?: string[]; filters?: string[]; destAccount?: string; livePolicy?: JsonObject | null } = {}): RunRegistry[] {
  const destAccount = options.destAccount ?? DST;
  const source: RunRegistry = {
    id: `${SRC}/us-east-1`,
    accountId: SRC,
    region: 'us-east-1',
    desired: desiredState([desiredRepo('team-a/api'), desiredRepo('team-a/web'), desiredRepo('other/x')], {
      registry: { replication: { rules: [{ destinations: [{ region: 'eu-west-1', registryId: destAccount }], repositoryFilters: options.filters ?? ['team-a/'], source: RULE_AT }] } },
    }),
  };
  const destination: RunRegistry = {
    id: `${destAccount}/eu-west-1`,
    accountId: destAccount,
    region: 'eu-west-1',
    desired: desiredState((options.destRepos ?? []).map((n) => desiredRepo(n)), { registry: dest }),
    live: liveState([], { registryId: destAccount, region: 'eu-west-1', registry: options.livePolicy === undefined ? {} : { policy: options.livePolicy } }),
  };
  return [source, destination];
}

const BOTH = ['ecr:ReplicateImage', 'ecr:CreateRepository'];

describe('policyAllows', () => {
  it.each([
    ['the account id', allow({ AWS: SRC }, BOTH), true],
    ['the root ARN, a one-element list', allow({ AWS: [`arn:aws:iam::${SRC}:root`] }, BOTH), true],
    ['any principal', allow('*', 'ecr:*'), true],
    ['an action wildcard, any case', allow({ AWS: SRC }, 'ECR:Replicate*'), true],
    ['another account', allow({ AWS: DST }, BOTH), false],
    ['a Deny', allow({ AWS: SRC }, BOTH, 'Deny'), false],
    ['another action', allow({ AWS: SRC }, 'ecr:CreateRepository'), false],
  ])('%s', (_name, policy, expected) => {
    expect(policyAllows(policy, SRC, 'ecr:ReplicateImage')).toBe(expected);
  });
});

describe('checkReplication', () => {
  const templates = { ROOT: template(['REPLICATION']) };

  it('a destination in another account whose policy does not allow both actions: an error at the rule, under the source', () => {
    const findings = checkReplication(run({ policy: allow({ AWS: SRC }, 'ecr:ReplicateImage'), creationTemplates: templates }));
    expect(findings).toEqual([
      {
        registry: `${SRC}/us-east-1`,
        destination: `${DST}/eu-west-1`,
        level: 'error',
        message: expect.stringMatching(/^prod\/registry\.yaml:9:9: replication to 222222222222\/eu-west-1: its registry policy does not allow account 111111111111 ecr:CreateRepository;/),
        // For a GitHub annotation: the rule's position, and the message without it.
        at: RULE_AT,
        text: expect.stringMatching(/^replication to 222222222222\/eu-west-1: its registry policy/),
      },
    ]);
  });

  it('no registry policy at all (null) allows nothing', () => {
    expect(checkReplication(run({ policy: null, creationTemplates: templates })).map((f) => f.level)).toEqual(['error']);
  });

  it('a policy the destination files do not manage is not checked, and says so; the live one is used when it was read', () => {
    expect(checkReplication(run({ creationTemplates: templates })).map((f) => [f.level, f.message.includes('is not checked')])).toEqual([['warning', true]]);
    expect(checkReplication(run({ creationTemplates: templates }, { livePolicy: allow({ AWS: SRC }, BOTH) }))).toEqual([]);
  });

  it('the same account needs no policy; a missing REPLICATION template is a warning naming the uncovered names', () => {
    const findings = checkReplication(run({ creationTemplates: { ROOT: template(['PULL_THROUGH_CACHE']) } }, { destAccount: SRC, destRepos: ['team-a/api'] }));
    expect(findings).toEqual([
      {
        registry: `${SRC}/us-east-1`,
        destination: `${SRC}/eu-west-1`,
        level: 'warning',
        message: expect.stringContaining('no REPLICATION creation template and no declared repository there for team-a/web;'),
        at: RULE_AT,
        text: expect.stringMatching(/^replication to /),
      },
    ]);
  });

  it.each([
    ['a ROOT template', { creationTemplates: templates }, {}],
    ['a template for the prefix', { creationTemplates: { 'team-a': template(['REPLICATION']) } }, {}],
    ['the names declared there', {}, { destRepos: ['team-a/api', 'team-a/web'] }],
  ])('%s covers the replicated names: nothing to say', (_name, dest, options) => {
    expect(checkReplication(run({ policy: allow({ AWS: SRC }, BOTH), ...dest }, options))).toEqual([]);
  });

  it('a destination that is not a registry of the run is not checked', () => {
    const [source] = run({});
    expect(checkReplication([source])).toEqual([]);
  });
});
