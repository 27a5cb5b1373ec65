/**
 * The AWS partition a region belongs to: the second field of every ARN in it.
 * An account id under `Principal.AWS` stands for `arn:PARTITION:iam::ID:root`,
 * and IAM stores it that way (semantics.md "Normalizing before comparing").
 */
/** The region prefixes of the SDK's partitions table (@aws-sdk/core partitions.json). */
const PARTITIONS: ReadonlyArray<readonly [prefix: string, partition: string]> = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-iso-', 'aws-iso'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-isof-', 'aws-iso-f'],
  ['eusc-', 'aws-eusc'],
];

export function partitionOf(region: string): string {
  return PARTITIONS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}
