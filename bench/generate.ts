/**
 * Desired-state files of any size for the benchmark: every repository with tags,
 * a repository policy and a lifecycle policy, written the way a team writes them
 * (block YAML, one key a line), so loading cost is measured on realistic text.
 */
export const BENCH_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'pull',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    },
  ],
};

export const BENCH_LIFECYCLE = {
  rules: [
    { rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } },
    { rulePriority: 2, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } },
  ],
};

export function benchRepositoryName(i: number): string {
  return `team-${i % 20}/service-${i}`;
}

/** A registry.yaml declaring `size` repositories. */
export function benchRegistryYaml(size: number, region = 'us-east-1'): string {
  const lines = ['version: 1', 'registry:', `  region: ${region}`, 'defaults:', '  scanOnPush: true', '  tags:', '    owner: platform', 'repositories:'];
  const policy = JSON.stringify(BENCH_POLICY);
  const lifecycle = JSON.stringify(BENCH_LIFECYCLE);
  for (let i = 0; i < size; i++) {
    lines.push(
      `  ${benchRepositoryName(i)}:`,
      '    imageTagMutability: IMMUTABLE',
      '    tags:',
      `      team: t${i % 20}`,
      `      cost-center: "${4000 + (i % 50)}"`,
      `    policy: ${policy}`,
      `    lifecyclePolicy: ${lifecycle}`,
    );
  }
  return lines.join('\n') + '\n';
}
