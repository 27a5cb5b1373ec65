import { describe, expect, it } from 'vitest';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired } from '../../src/ecr/read-scope.js';
import type { EcrPort } from '../../src/ecr/port.js';
import { OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE } from '../../src/model/ownership.js';
import { createFakeEcr } from '../helpers/fake-ecr.js';
import { desiredRepo, desiredState } from '../helpers/builders.js';

/**
 * A port that holds every ListTagsForResource answer until the test lets it go,
 * and records which calls were sent while tags were still outstanding.
 */
function holdingTags(port: EcrPort) {
  const sentWhileHeld: string[] = [];
  const waiting: (() => void)[] = [];
  let held = true;
  const wrapped: EcrPort = {
    ...port,
    listTagsForResource: async (input) => {
      if (held) await new Promise<void>((resolve) => waiting.push(resolve));
      return port.listTagsForResource(input);
    },
    getRepositoryPolicy: (input) => {
      if (held) sentWhileHeld.push(`GetRepositoryPolicy ${input.repositoryName}`);
      return port.getRepositoryPolicy(input);
    },
    getLifecyclePolicy: (input) => {
      if (held) sentWhileHeld.push(`GetLifecyclePolicy ${input.repositoryName}`);
      return port.getLifecyclePolicy(input);
    },
  };
  const release = () => {
    held = false;
    for (const resolve of waiting.splice(0)) resolve();
  };
  return { port: wrapped, sentWhileHeld, release, waiting };
}

describe('reading a declared repository', () => {
  it('sends its tags and both policy reads together, one round trip', async () => {
    const fake = createFakeEcr();
    fake.seed('declared');
    fake.seed('owned', { tags: { [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE } });
    fake.seed('foreign');
    const held = holdingTags(fake.port);
    const reading = fetchLive(held.port, scopeOfDesired(desiredState([desiredRepo('declared')])), { region: fake.region });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held.waiting).toHaveLength(3);
    // Only the declared repository's policies are asked for before any tags are known.
    expect(held.sentWhileHeld.sort()).toEqual(['GetLifecyclePolicy declared', 'GetRepositoryPolicy declared']);
    held.release();
    const live = await reading;
    // An undeclared repository still needs its tags first: its policies are read only when it is owned.
    expect(live.repositories.owned.details).toEqual({ policy: null, lifecyclePolicy: null });
    expect(live.repositories.foreign.details).toBeUndefined();
    expect(live.repositories.declared.details).toEqual({ policy: null, lifecyclePolicy: null });
  });
});

describe('reading the registry and its repositories', () => {
  it('reads the repositories while the registry settings are still being read, not a round trip later', async () => {
    const fake = createFakeEcr();
    fake.seed('declared');
    let releaseRegistry = () => {};
    const registryHeld = new Promise<void>((resolve) => (releaseRegistry = resolve));
    const sent: string[] = [];
    const port: EcrPort = {
      ...fake.port,
      describeRegistry: async (input) => {
        await registryHeld;
        return fake.port.describeRegistry(input);
      },
      listTagsForResource: (input) => (sent.push('ListTagsForResource'), fake.port.listTagsForResource(input)),
      getRepositoryPolicy: (input) => (sent.push('GetRepositoryPolicy'), fake.port.getRepositoryPolicy(input)),
      getLifecyclePolicy: (input) => (sent.push('GetLifecyclePolicy'), fake.port.getLifecyclePolicy(input)),
    };
    const reading = fetchLive(port, scopeOfDesired(desiredState([desiredRepo('declared')])), { region: fake.region });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent.sort()).toEqual(['GetLifecyclePolicy', 'GetRepositoryPolicy', 'ListTagsForResource']);
    releaseRegistry();
    const live = await reading;
    expect(Object.keys(live.repositories)).toEqual(['declared']);
    expect(live.registryId).toBe('123456789012');
  });
});

