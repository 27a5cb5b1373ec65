/**
 * The baseline of the many-registries benchmark: the same reads ecrform's
 * plan makes of registries in sync (assume each role, DescribeRegistry,
 * DescribeRepositories, then ListTagsForResource, GetRepositoryPolicy and
 * GetLifecyclePolicy per repository), with the bare SDK and one pool of
 * CONCURRENCY calls, and nothing else: no files, no plan, no output.
 * Run as its own process, like the CLI: node dist/bench/raw-sdk-reads.js CONCURRENCY ID,ROLE...
 */
import pLimit from 'p-limit';
import {
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const [concurrencyArg, ...registries] = process.argv.slice(2);
const limit = pLimit(Number(concurrencyArg));
const orNone = (p: Promise<unknown>) => p.catch((err: { name?: string }) => (err.name?.endsWith('NotFoundException') ? undefined : Promise.reject(err)));

let calls = 0;
await Promise.all(
  registries.map(async (spec) => {
    const [region, roleArn] = spec.split(',');
    const client = new ECRClient({
      region,
      maxAttempts: 8,
      credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'ecrform' }, clientConfig: { region } }),
    });
    // One pool for every call of every registry, as ecrform's --concurrency.
    const send = <T>(command: object) => limit(() => (calls++, client.send(command as never) as Promise<T>));
    const repos: Repository[] = [];
    await send(new DescribeRegistryCommand({}));
    let nextToken: string | undefined;
    do {
      const page = await send<{ repositories?: Repository[]; nextToken?: string }>(new DescribeRepositoriesCommand({ maxResults: 1000, nextToken }));
      repos.push(...(page.repositories ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    await Promise.all(
      repos.map(async (repo) => {
        await send(new ListTagsForResourceCommand({ resourceArn: repo.repositoryArn }));
        await Promise.all([
          orNone(send(new GetRepositoryPolicyCommand({ repositoryName: repo.repositoryName }))),
          orNone(send(new GetLifecyclePolicyCommand({ repositoryName: repo.repositoryName }))),
        ]);
      }),
    );
    client.destroy();
  }),
);
console.log(`${calls} calls`);
