import type { Repository } from '@aws-sdk/client-ecr';
import type { EcrPort } from './port.js';
import type { Live, LiveRepository } from '../model/live.js';
import { isOwned } from '../model/ownership.js';
import { listRepositories, readImages, readPolicies, readTags, toLiveRepository } from './read-repositories.js';
import { readRegistrySettings } from './read-registry.js';
import type { ReadScope } from './read-scope.js';
import { sortByKey } from '../normalize/filters.js';

/** Progress while live state is read, for the terminal view. */
export interface ReadProgress {
  stage: 'registry' | 'repositories' | 'details' | 'images';
  done: number;
  total: number;
}

export interface FetchOptions {
  region: string;
  onProgress?: (progress: ReadProgress) => void;
}

/**
 * Reads the live registry: every repository and its tags; policies only for
 * repositories that are declared or carry the ownership tag; registry settings
 * only for keys the files manage. Images are read later, only where the plan
 * needs them (fetchImages). Any read that fails after retries fails the whole
 * read: no plan is made from partial live state.
 */
export async function fetchLive(port: EcrPort, scope: ReadScope, options: FetchOptions): Promise<Live> {
  const progress = options.onProgress ?? (() => {});
  progress({ stage: 'registry', done: 0, total: 1 });
  // The registry's settings (DescribeRegistry, then the settings it leads to) and
  // the repositories' reads go out side by side: repository reads start as soon as
  // the list is in, not one or two round trips later when the settings are.
  const registryRead = port.describeRegistry({}).then(async (registry) => {
    const settings = await readRegistrySettings(port, scope.registry, registry);
    progress({ stage: 'registry', done: 1, total: 1 });
    return { registry, settings };
  });
  const repositoriesRead = listRepositories(port).then((repos) => readRepositories(port, scope, repos, progress));
  const [{ registry, settings }, repositories] = await Promise.all([registryRead, repositoriesRead]);
  return {
    registryId: registry.registryId ?? '',
    region: options.region,
    repositories: sortByKey(repositories),
    registry: settings,
  };
}

/** Each listed repository with its tags, and its policies where the plan needs them. */
async function readRepositories(
  port: EcrPort,
  scope: ReadScope,
  repos: Repository[],
  progress: (progress: ReadProgress) => void,
): Promise<Record<string, LiveRepository>> {
  let done = 0;
  const repositories: Record<string, LiveRepository> = {};
  await Promise.all(
    repos.map(async (repo) => {
      const name = repo.repositoryName ?? '';
      // A declared repository's tags and policies are all needed: they go out together,
      // one round trip instead of two. Others need their policies only when owned.
      const declared = scope.repositories.has(name);
      const [tags, details] = await Promise.all([
        readTags(port, repo.repositoryArn ?? ''),
        declared ? readPolicies(port, name) : undefined,
      ]);
      const live = toLiveRepository(repo, tags);
      if (declared) live.details = details;
      else if (isOwned(tags, scope.stack)) live.details = await readPolicies(port, name);
      repositories[live.name] = live;
      progress({ stage: 'repositories', done: ++done, total: repos.length });
    }),
  );
  return repositories;
}

/** Adds the images of the named repositories (DescribeImages, paged). */
export async function fetchImages(
  port: EcrPort,
  live: Live,
  names: string[],
  onProgress: (progress: ReadProgress) => void = () => {},
): Promise<Live> {
  const repositories = { ...live.repositories };
  let done = 0;
  await Promise.all(
    names.map(async (name) => {
      const repo = repositories[name];
      if (!repo) return;
      repositories[name] = { ...repo, images: await readImages(port, name) };
      onProgress({ stage: 'images', done: ++done, total: names.length });
    }),
  );
  return { ...live, repositories };
}
