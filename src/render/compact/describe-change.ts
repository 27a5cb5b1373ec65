import { parseAddress } from '../../model/address.js';
import type { Json } from '../../model/json.js';
import type { Change } from '../../model/plan.js';
import { canonicalStringify, fingerprint, isJsonObject } from '../../normalize/canonical-json.js';
import { block, line, type DetailLine } from './detail-line.js';
import { documentDiff, documentSize } from './document-diff.js';
import { archiveLines, expiryLines } from './expiry-lines.js';
import { documentFields, fieldDiff, tagDiff, tagLine } from './field-diff.js';
import { NO_HINTS, type RenderHints } from './hints.js';
import { orderLike } from './key-order.js';
import { createdRepositoryFields, deletedRepositoryFields } from './repository-fields.js';
import { yamlInline, yamlLines } from './yaml-lines.js';

/** How much a view shows: `full` turns off every fold and reference (`--full`). */
export interface ViewOptions {
  full?: boolean;
  hints?: RenderHints;
}

const DOCUMENT_KINDS = new Set<Change['kind']>(['policy', 'lifecyclePolicy', 'registryPolicy']);

/**
 * What one rendering of a plan remembers while it goes: the documents it has
 * shown in full, so the same document on the next repository is referred to
 * instead of printed again. One per rendering; changes are described in order.
 */
export interface DescribeContext {
  now: string;
  full: boolean;
  hints: RenderHints;
  /** Repositories this plan creates (or replaces): they hold no images yet. */
  newRepositories: Set<string>;
  /** Document (or change) text -> the address where it was shown in full. */
  said: Map<string, string>;
}

export function describeContext(changes: Change[], now: string, options: ViewOptions = {}): DescribeContext {
  const newRepositories = new Set<string>();
  for (const c of changes) {
    const parsed = parseAddress(c.address);
    if (parsed?.type === 'repository' && (c.action === 'create' || c.action === 'replace')) newRepositories.add(parsed.repository);
  }
  return { now, full: options.full ?? false, hints: options.hints ?? NO_HINTS, newRepositories, said: new Map() };
}

const shortDigest = (doc: Json) => fingerprint(doc).slice(0, 15);

/** A whole policy or lifecycle policy, created or deleted: its file, a reference, or the YAML once. */
function wholeDocument(change: Change, doc: Json, mark: '+' | '-', ctx: DescribeContext): DetailLine[] {
  const size = `${documentSize(change.kind, doc)}, ${shortDigest(doc)}`;
  const file = ctx.hints.documents[change.address]?.file;
  const key = `${change.kind} ${canonicalStringify(doc)}`;
  if (!ctx.full && mark === '+' && file) return [{ mark: '=', text: `${file} (${size})`, tone: 'ref' }];
  const first = ctx.said.get(key);
  if (!ctx.full && first) return [{ mark: '=', text: `same as ${first} (${size})`, tone: 'ref' }];
  ctx.said.set(key, change.address);
  return block(mark, yamlLines(doc), 0);
}

function documentDetails(change: Change, ctx: DescribeContext): DetailLine[] {
  const written = ctx.hints.documents[change.address]?.written;
  const before = change.before === null ? null : orderLike(change.before, written);
  const after = change.after === null ? null : orderLike(change.after, written);
  if (after === null) return before === null ? [] : wholeDocument(change, before, '-', ctx);
  if (before === null) return wholeDocument(change, after, '+', ctx);
  const key = `${change.kind} ${canonicalStringify(before)} -> ${canonicalStringify(after)}`;
  const first = ctx.said.get(key);
  if (!ctx.full && first) return [{ mark: '=', text: `same change as ${first}`, tone: 'ref' }];
  ctx.said.set(key, change.address);
  return documentDiff(change.kind, before, after, ctx.full);
}

function tagDetails(change: Change): DetailLine[] {
  const before = isJsonObject(change.before) ? change.before : {};
  const after = isJsonObject(change.after) ? change.after : {};
  if (change.action === 'create') return Object.entries(after).map(([k, v]) => tagLine('+', k, v, 0));
  if (change.action === 'delete') return Object.entries(before).map(([k, v]) => tagLine('-', k, v, 0));
  return tagDiff(before, after);
}

/** A replace's `before` names the policies its delete destroys, null where there is none: a null says nothing worth a line. */
function withoutNullFields(doc: Json | null): Json | null {
  return isJsonObject(doc) ? Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== null)) : doc;
}

function attributeDetails(change: Change, full: boolean): DetailLine[] {
  const before = orderLike(change.action === 'replace' ? withoutNullFields(change.before) : change.before);
  const after = orderLike(change.after);
  const repository = change.kind === 'repository';
  if (change.action === 'create') return repository ? createdRepositoryFields(after, full) : documentFields('+', after);
  if (change.action === 'delete') return repository ? deletedRepositoryFields(before, full) : documentFields('-', before);
  if (isJsonObject(before) && isJsonObject(after)) return fieldDiff(before, after);
  return [line('~', `${yamlInline(change.before)} -> ${yamlInline(change.after)}`)];
}

function repositoryOf(change: Change): string | null {
  const parsed = parseAddress(change.address);
  return parsed && 'repository' in parsed ? parsed.repository : null;
}

/**
 * What a reader needs to see of one change: the fields (or the statement or
 * rule diff), the lifecycle expiries, warnings and why it is blocked.
 */
export function describeChange(change: Change, ctx: DescribeContext): DetailLine[] {
  const lines: DetailLine[] = [];
  if (DOCUMENT_KINDS.has(change.kind)) lines.push(...documentDetails(change, ctx));
  else if (change.kind === 'tags') lines.push(...tagDetails(change));
  else lines.push(...attributeDetails(change, ctx.full));
  const repo = repositoryOf(change);
  const expiryCtx = { now: ctx.now, full: ctx.full, newRepository: repo !== null && ctx.newRepositories.has(repo) };
  if (change.expires) lines.push(...expiryLines(change.expires, change.after, expiryCtx));
  if (change.archives) lines.push(...archiveLines(change.archives, expiryCtx));
  for (const w of change.warnings) lines.push({ mark: '!', text: `warning: ${w}`, tone: 'warning' });
  if (change.blocked) lines.push({ mark: '!', text: `blocked: ${change.blocked}`, tone: 'blocked' });
  return lines;
}

/** Every change's lines, in plan order, sharing one memory of what was said. */
export function describeChanges(changes: Change[], now: string, options: ViewOptions = {}): Map<Change, DetailLine[]> {
  const ctx = describeContext(changes, now, options);
  return new Map(changes.map((c) => [c, describeChange(c, ctx)]));
}
