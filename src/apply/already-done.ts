import type { JsonObject } from '../model/json.js';
import type { StepContext } from './step.js';
import { isOwned } from '../model/ownership.js';
import { partitionOf } from '../normalize/partition.js';
import { creationTemplateDocument, pullThroughCacheDocument } from '../normalize/registry-settings.js';
import { readTags, toLiveRepository } from '../ecr/read-repositories.js';
import { toLiveCreationTemplate, toLivePullThroughCacheRule } from '../ecr/read-registry.js';
import { sameDocument } from '../plan/make-change.js';
import { liveSettingsDocument, liveTagsDocument } from '../plan/repository-documents.js';
import { repositoryArn } from './step.js';

/*
 * Retries that already succeeded (semantics.md): the SDK retries a call whose
 * response was lost, and the retry may find its own first attempt's work. A
 * create that answers "already exists" is done when what exists is this
 * stack's and is what the step creates; a delete that answers "not found" is
 * done. Anything else is still a failure.
 */

function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as { name?: string }).name : undefined;
}

/** Runs a delete; `notFound` (the resource is already gone) counts as done. */
export async function deleteIdempotent(run: () => Promise<unknown>, notFound: string): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (errorName(err) !== notFound) throw err;
  }
}

/** Runs a create; when it answers `exists`, it is done only if `matches()` says the live resource is the one asked for. */
export async function createIdempotent(run: () => Promise<unknown>, exists: string, matches: () => Promise<boolean>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (errorName(err) !== exists) throw err;
    // If the check itself fails, the create's own error is the one to report.
    const done = await matches().catch(() => false);
    if (!done) throw err;
  }
}

/** The live repository carries the ownership tag and the settings and tags of `doc` (the plan's create document). */
export async function repositoryMatches(ctx: StepContext, name: string, doc: JsonObject): Promise<boolean> {
  const out = await ctx.port.describeRepositories({ repositoryNames: [name] });
  const found = out.repositories?.[0];
  if (!found) return false;
  const tags = await readTags(ctx.port, found.repositoryArn ?? repositoryArn(ctx, name));
  if (!isOwned(tags, ctx.stack)) return false;
  const live = toLiveRepository(found, tags);
  const encryption = doc.encryption as { type: string; kmsKey?: string };
  // With no key named, ECR picks the AWS managed key: any live key matches.
  const settings = liveSettingsDocument(live);
  if (!encryption.kmsKey && settings.encryption) settings.encryption = { type: live.encryption.type };
  return sameDocument({ ...settings, tags: liveTagsDocument(live) }, doc);
}

export async function pullThroughCacheRuleMatches(ctx: StepContext, prefix: string, doc: JsonObject): Promise<boolean> {
  const out = await ctx.port.describePullThroughCacheRules({ ecrRepositoryPrefixes: [prefix] });
  const rule = out.pullThroughCacheRules?.[0];
  if (!rule) return false;
  const live = pullThroughCacheDocument(toLivePullThroughCacheRule(rule));
  // ECR works out `upstreamRegistry` from the URL when the create named none and
  // returns it ever after: then any kind matches (the URL is compared), as the plan has it.
  if (doc.upstreamRegistry === undefined) delete live.upstreamRegistry;
  return sameDocument(live, doc);
}

export async function creationTemplateMatches(ctx: StepContext, prefix: string, doc: JsonObject): Promise<boolean> {
  const out = await ctx.port.describeRepositoryCreationTemplates({ prefixes: [prefix] });
  const template = out.repositoryCreationTemplates?.[0];
  if (!template) return false;
  return sameDocument(creationTemplateDocument(toLiveCreationTemplate(template, prefix), partitionOf(ctx.region)), doc);
}
