/**
 * The reference for `npm run bench`: the reads a plan of in-sync repositories
 * makes, as a plain AWS SDK loop with nothing else (no files, no plan, no view).
 * Same client settings as ecrform (8 attempts, adaptive retries), one pool of
 * CONCURRENCY calls in flight for every registry, and each repository's three
 * reads sent together, as ecrform sends a declared repository's.
 * Run as its own process, so it pays Node's and the SDK's start-up as ecrform does.
 *
 *   node dist/bench/raw-loop.js CONCURRENCY [REGION[,ROLE_ARN]]...
 *
 * With no REGION, one registry: the default region and credentials. With a
 * ROLE_ARN, the registry is read with that role's credentials (AssumeRole,
 * session name ecrform). The endpoint comes from AWS_ENDPOINT_URL, which the
 * SDK reads for ECR and STS alike.
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
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import pLimit from 'p-limit';

const [concurrency, ...registries] = process.argv.slice(2);
const limit = pLimit(Number(concurrency));
const orNone = <T>(p: Promise<T>) => p.catch((e: { name?: string }) => (e.name?.endsWith('NotFoundException') ? undefined : Promise.reject(e)));

let calls = 0;
let repositoriesRead = 0;
async function readRegistry(region: string | undefined, roleArn: string | undefined): Promise<void> {
  const client = new ECRClient({
    region,
    maxAttempts: 8,
    retryMode: 'adaptive',
    ...(roleArn ? { credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'ecrform' }, clientConfig: { region } }) } : {}),
  });
  const send = <T>(command: object) => limit(() => (calls++, client.send(command as never) as Promise<T>));
  const repositories: Repository[] = [];
  await Promise.all([
    send(new DescribeRegistryCommand({})),
    (async () => {
      let nextToken: string | undefined;
      do {
        const page = await send<{ repositories?: Repository[]; nextToken?: string }>(new DescribeRepositoriesCommand({ maxResults: 1000, nextToken }));
        repositories.push(...(page.repositories ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
    })(),
  ]);
  await Promise.all(
    repositories.map((repo) =>
      Promise.all([
        send(new ListTagsForResourceCommand({ resourceArn: repo.repositoryArn })),
        orNone(send(new GetRepositoryPolicyCommand({ repositoryName: repo.repositoryName }))),
        orNone(send(new GetLifecyclePolicyCommand({ repositoryName: repo.repositoryName }))),
      ]),
    ),
  );
  repositoriesRead += repositories.length;
  client.destroy();
}

const targets = registries.length > 0 ? registries.map((spec) => spec.split(',')) : [[undefined, undefined]];
await Promise.all(targets.map(([region, roleArn]) => readRegistry(region, roleArn)));
console.log(JSON.stringify({ registries: targets.length, repositories: repositoriesRead, calls }));
