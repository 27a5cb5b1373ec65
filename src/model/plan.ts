import type { Operation } from 'fast-json-patch';
import type { Json } from './json.js';
import type { SourceFile } from './desired.js';

/** The closed set of things a plan can do to one address. */
export type Action = 'create' | 'update' | 'replace' | 'delete';

/** What an address names; the JSON plan's `kind`. */
export type ChangeKind =
  | 'repository'
  | 'tags'
  | 'policy'
  | 'lifecyclePolicy'
  | 'image'
  | 'registryPolicy'
  | 'scanning'
  | 'replication'
  | 'pullThroughCache'
  | 'creationTemplate'
  | 'accountSetting'
  | 'signing'
  | 'pullTimeUpdateExclusion';

/** Why, where the action alone does not say. */
export type Reason = 'adopt' | 'prune' | 'immutable-field' | null;

export interface ExpiringImage {
  digest: string;
  tags: string[];
  pushedAt: string;
  /** Present for an image in the archive storage class (expired from archive). */
  storageClass?: 'archive';
}

/** The images a lifecycle policy would expire (or archive) now, by ECR's rules. */
export interface Expiry {
  count: number;
  bytes: number;
  images: ExpiringImage[];
}

/**
 * One change to one address.
 * Invariants: `before` is null exactly when action is `create`; `after` is null
 * exactly when action is `delete`; `patch` turns `before` into `after` (empty for
 * create and delete); `liveFingerprint` is null exactly when `before` is null.
 */
export interface Change {
  address: string;
  kind: ChangeKind;
  action: Action;
  reason: Reason;
  before: Json;
  after: Json;
  patch: Operation[];
  liveFingerprint: string | null;
  /**
   * The policy document as the files write it (or, carried through a replace,
   * as ECR holds it): what apply sends. `after` is its normalized form, for
   * comparing only. Set on the policy and lifecycle policy changes that put a
   * document, and on a creation template change whose template has a policy
   * (then an object holding its `repositoryPolicy` and `lifecyclePolicy` as
   * written); absent elsewhere (and in plans written before it existed).
   */
  written?: Json;
  /** The ECR operations apply will make for this change, in order. */
  calls: string[];
  expires?: Expiry;
  /** The images a lifecycle policy would archive now (transition to the archive storage class). */
  archives?: Expiry;
  /**
   * On a delete or replace of a repository: the digests of the images it holds
   * (empty when none), which `apply PLAN` checks again, so an image pushed after
   * the review is never destroyed unseen.
   */
  images?: string[];
  /** Set when the plan cannot be applied as it stands: a repository holding images, without --force-delete. */
  blocked?: string;
  warnings: string[];
}

export interface PlanSummary {
  create: number;
  update: number;
  replace: number;
  delete: number;
  unchanged: number;
}

/** The plan document: `plan --format json` prints it and `plan --out` writes it. */
export interface Plan {
  formatVersion: 1;
  tool: { name: 'ecrform'; version: string };
  createdAt: string;
  registry: { accountId: string; region: string };
  /** `stack: NAME` of the files (null: none; the ownership tag is then plain `ecrform`). */
  stack: string | null;
  /** Recorded when planning: `apply PLAN` honours exactly these. */
  forceDelete: boolean;
  maxDeletes: number;
  /** Why the plan as a whole cannot be applied (too many deletes); per-change reasons are in `blocked` of each change. */
  blocked: string[];
  sources: SourceFile[];
  changes: Change[];
  summary: PlanSummary;
}
