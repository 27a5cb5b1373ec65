import type { SourceFile } from './desired.js';
import type { Change, Plan, PlanSummary } from './plan.js';

/** Which registry, and how it is reached. `id` is "ACCOUNT/REGION". */
export interface RegistryRef {
  id: string;
  accountId: string;
  region: string;
  /** The role assumed to reach it; null: the default chain's credentials. */
  roleArn: string | null;
}

/** Why one registry of a run failed: an AWS error code (or ecrform's) and its message. */
export interface RunError {
  code: string;
  message: string;
}

/**
 * One registry's part of a run. Invariant: exactly one of `plan` and `error`
 * is present; a registry that failed stops only itself.
 */
export interface RegistryOutcome {
  registry: RegistryRef & { externalId?: string | null };
  plan?: Plan;
  error?: RunError;
  /** Checks across registries that make this registry's plan unappliable ("FILE:LINE:COL: message"). */
  blocked?: string[];
  /** Checks across registries that only warn. */
  warnings?: string[];
}

/** A registry as the plan document (format version 2) lists it. */
export interface PlanDocumentRegistry extends RegistryRef {
  /** With roleArn, where its trust policy asks for one: `apply PLAN` assumes the role again. Not a secret. */
  externalId: string | null;
  stack: string | null;
  forceDelete: boolean;
  maxDeletes: number;
  sources: SourceFile[];
  /** Why this registry's plan cannot be applied as it stands; empty when it can. */
  blocked: string[];
  /** What the checks across registries warn about for this registry (replication destinations). */
  warnings: string[];
  summary: PlanSummary;
  /** Present (and the registry has no changes listed) when reading or planning it failed. */
  error: RunError | null;
}

/**
 * The plan document of cli.md, format version 2: one for every registry of
 * the run. Every change names its registry; `summary` totals the registries'.
 */
export interface PlanDocument {
  formatVersion: 2;
  tool: { name: 'ecrform'; version: string };
  createdAt: string;
  registries: PlanDocumentRegistry[];
  changes: Array<Change & { registry: string }>;
  summary: PlanSummary;
}
