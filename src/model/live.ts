import type { JsonObject } from './json.js';
import type {
  CreationTemplate,
  Encryption,
  PullThroughCacheRule,
  ReplicationConfiguration,
  ScanningConfiguration,
  SigningConfiguration,
  TagMutability,
} from './desired.js';

export interface LiveImage {
  digest: string;
  tags: string[];
  /** ISO 8601. */
  pushedAt: string;
  /** ISO 8601; absent when never pulled (or unknown). */
  lastPulledAt?: string;
  sizeBytes: number;
  /** DescribeImages' imageStatus; absent means ACTIVE (the standard storage class). */
  status?: 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';
  /** ISO 8601: when the image last moved to the archive storage class. */
  lastArchivedAt?: string;
  /** ISO 8601: when the image was last restored from archive. */
  lastActivatedAt?: string;
}

/**
 * A live repository. `details` is present exactly when the repository was read in
 * full (declared, or carrying the ownership tag): its policies were fetched.
 * `images` is present exactly when the plan needs them and they were listed.
 */
export interface LiveRepository {
  name: string;
  arn: string;
  registryId: string;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters: string[];
  scanOnPush: boolean;
  encryption: Encryption;
  tags: Record<string, string>;
  details?: {
    policy: JsonObject | null;
    lifecyclePolicy: JsonObject | null;
  };
  images?: LiveImage[];
}

export type LivePullThroughCacheRule = Omit<PullThroughCacheRule, 'source'>;
export type LiveCreationTemplate = Omit<CreationTemplate, 'source'>;

/**
 * Live registry settings. A key is present exactly when the files manage it and it
 * was read; `policy: null` means the registry has no policy.
 */
export interface LiveRegistrySettings {
  policy?: JsonObject | null;
  scanning?: ScanningConfiguration;
  replication?: ReplicationConfiguration;
  pullThroughCache?: Record<string, LivePullThroughCacheRule>;
  creationTemplates?: Record<string, LiveCreationTemplate>;
  accountSettings?: Record<string, string>;
  /** null: the registry has no signing configuration. */
  signing?: SigningConfiguration | null;
  pullTimeUpdateExclusions?: string[];
}

/** The live state of one registry, as read through the EcrPort. */
export interface Live {
  registryId: string;
  region: string;
  repositories: Record<string, LiveRepository>;
  registry: LiveRegistrySettings;
}
