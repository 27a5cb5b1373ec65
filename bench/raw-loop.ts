/**
 * The reference for `npm run bench`: the reads a plan of in-sync repositories
 * makes, as a plain AWS SDK loop with nothing else (no files, no plan, no view).
 * Same client settings as ecrform (8 attempts, adaptive retries), the same
 * number of calls in flight, each repository's three reads sent together.
 * Run as its own process, so it pays Node's and the SDK's start-up as ecrform does.
 *
 *   node dist/bench/raw-loop.js ENDPOINT CONCURRENCY
 */
import {
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import pLimit from 'p-limit';

const [endpoint, concurrency] = process.argv.slice(2);
const client = new ECRClient({ region: 'us-east-1', endpoint, maxAttempts: 8, retryMode: 'adaptive' });
const limit = pLimit(Number(concurrency));
const orNull = <T>(p: Promise<T>) => p.catch((e: { name?: string }) => (e.name?.endsWith('NotFoundException') ? null : Promise.reject(e)));

const repositories: Repository[] = [];
const [registry] = await Promise.all([
  limit(() => client.send(new DescribeRegistryCommand({}))),
  (async () => {
    let nextToken: string | undefined;
    do {
      const page = await limit(() => client.send(new DescribeRepositoriesCommand({ maxResults: 1000, nextToken })));
      repositories.push(...(page.repositories ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
  })(),
]);
const read = await Promise.all(
  repositories.map((repo) =>
    Promise.all([
      limit(() => client.send(new ListTagsForResourceCommand({ resourceArn: repo.repositoryArn }))),
      limit(() => orNull(client.send(new GetRepositoryPolicyCommand({ repositoryName: repo.repositoryName })))),
      limit(() => orNull(client.send(new GetLifecyclePolicyCommand({ repositoryName: repo.repositoryName })))),
    ]),
  ),
);
console.log(JSON.stringify({ registryId: registry.registryId, repositories: read.length }));
