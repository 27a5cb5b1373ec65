import type { Json, JsonObject } from './json.js';

/** Where a declaration stands in its YAML file (1-based line and column). */
export interface SourceRef {
  file: string;
  line: number;
  col: number;
}

export type TagMutability =
  | 'MUTABLE'
  | 'IMMUTABLE'
  | 'MUTABLE_WITH_EXCLUSION'
  | 'IMMUTABLE_WITH_EXCLUSION';

export type EncryptionType = 'AES256' | 'KMS' | 'KMS_DSSE';

/** kmsKey is present only for the KMS types (ECR picks the AWS managed key when absent). */
export interface Encryption {
  type: EncryptionType;
  kmsKey?: string;
}

/** Fields a repository's `ignore` list may name: left as they are live. */
export type IgnorableField = 'policy' | 'lifecyclePolicy' | 'tags' | 'imageTagMutability' | 'scanOnPush';

/** A tag pin: the tag must point at this digest, or at the image another tag points at now. */
export type ImagePin = { digest: string } | { tag: string };

/**
 * One declared repository after defaults are merged in and policy files are read.
 * Every field holds the effective desired value (ECR's defaults filled in), so the
 * differ never has to know about defaults. `tags` excludes the ownership tag.
 * `policy` and `lifecyclePolicy` are the documents as written (not yet normalized);
 * null means "none".
 */
export interface DesiredRepository {
  name: string;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters: string[];
  scanOnPush: boolean;
  encryption: Encryption;
  tags: Record<string, string>;
  policy: JsonObject | null;
  lifecyclePolicy: JsonObject | null;
  images: Record<string, ImagePin>;
  ignore: IgnorableField[];
  source: SourceRef;
  /** The `policyFile` / `lifecyclePolicyFile` as written, when the document came from a file: plans name it. */
  policyFile?: string;
  lifecyclePolicyFile?: string;
  /** Where each tag pin is written, so a pin that cannot be met is reported at its own line. */
  imageSources?: Record<string, SourceRef>;
  /** The stack whose ownership tag (managed-by: ecrform:NAME) the repository carries; absent: plain `ecrform`. */
  stack?: string;
}

export interface ScanningRule {
  scanFrequency: 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL';
  repositoryFilters: string[];
}
export interface ScanningConfiguration {
  scanType: 'BASIC' | 'ENHANCED';
  rules: ScanningRule[];
}

export interface ReplicationDestination {
  region: string;
  /** Filled with the own account id when the file leaves it out (at plan time). */
  registryId?: string;
}
export interface ReplicationRule {
  destinations: ReplicationDestination[];
  repositoryFilters: string[];
  /** Where the rule is declared: cross-registry checks point at it. Not part of what is compared. */
  source?: SourceRef;
}
export interface ReplicationConfiguration {
  rules: ReplicationRule[];
}

export interface PullThroughCacheRule {
  upstreamRegistryUrl: string;
  upstreamRegistry?: string;
  upstreamRepositoryPrefix?: string;
  credentialArn?: string;
  customRoleArn?: string;
  source: SourceRef;
}

export interface CreationTemplate {
  description?: string;
  appliedFor: Array<'PULL_THROUGH_CACHE' | 'REPLICATION' | 'CREATE_ON_PUSH'>;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters: string[];
  encryption: Encryption;
  resourceTags: Record<string, string>;
  repositoryPolicy: JsonObject | null;
  lifecyclePolicy: JsonObject | null;
  customRoleArn?: string;
  source: SourceRef;
}

/** One managed-signing rule: images pushed to a repository a filter matches are signed with the profile. */
export interface SigningRule {
  signingProfileArn: string;
  /** WILDCARD_MATCH filters; none means every repository. */
  repositoryFilters: string[];
}
export interface SigningConfiguration {
  rules: SigningRule[];
}

/**
 * Registry-level settings. A key that is undefined is not managed: the live
 * setting is left alone and not even read.
 */
export interface DesiredRegistry {
  region?: string;
  accountId?: string;
  /** Assumed (session name `ecrform`) with the default chain's credentials to reach this registry. */
  roleArn?: string;
  /** Only with roleArn: the external id its trust policy asks for. */
  externalId?: string;
  /** null: the registry must have no policy (a live one is deleted). */
  policy?: JsonObject | null;
  /** The `policyFile` as written, when the registry policy came from a file. */
  policyFile?: string;
  scanning?: ScanningConfiguration;
  replication?: ReplicationConfiguration;
  pullThroughCache?: Record<string, PullThroughCacheRule>;
  creationTemplates?: Record<string, CreationTemplate>;
  accountSettings?: Record<string, string>;
  /** Managed signing; null (or no rules) means "no signing configuration". */
  signing?: SigningConfiguration | null;
  /** IAM principals whose pulls ECR does not record as pulls (a set). */
  pullTimeUpdateExclusions?: string[];
}

export interface SourceFile {
  path: string;
  sha256: string;
}

/** The merged desired state of one registry, from one or more files. */
export interface Desired {
  /** `stack: NAME` of the files; absent when they name none (ownership tag `ecrform`). */
  stack?: string;
  registry: DesiredRegistry;
  prune: boolean;
  repositories: Record<string, DesiredRepository>;
  sources: SourceFile[];
  /** Every file read (desired-state and policy files), as the file system was given them. */
  inputs?: string[];
}

export type { Json, JsonObject };
