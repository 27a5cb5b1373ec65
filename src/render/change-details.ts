import { structuredPatch } from 'diff';
import jsonPatch from 'fast-json-patch';
import type { Json } from '../model/json.js';
import type { Change, ExpiringImage, Expiry } from '../model/plan.js';

/** How a renderer should colour a detail line; the mark alone cannot tell a warning from a blocked delete. */
export type DetailTone = 'add' | 'remove' | 'change' | 'context' | 'hunk' | 'expiry' | 'warning' | 'blocked';

/** One line of a change's detail: a one-character mark, the text, and its tone. */
export interface DetailLine {
  mark: '+' | '-' | '~' | ' ' | '!' | '@';
  text: string;
  tone: DetailTone;
}

/** Expiring images listed one per line before "and N more": enough to recognise, short enough to read. */
export const EXPIRY_IMAGES_SHOWN = 5;

const POLICY_KINDS = new Set<Change['kind']>(['policy', 'lifecyclePolicy', 'registryPolicy']);

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function describeExpiry(expires: Expiry): string {
  if (expires.count === 0) return 'will expire no images now';
  const noun = expires.count === 1 ? 'image' : 'images';
  return `will expire ${expires.count} ${noun} (${formatBytes(expires.bytes)}) now`;
}

const show = (value: Json | undefined): string => (value === undefined ? '(none)' : JSON.stringify(value));

/** A policy change as a line diff of the normalized, pretty-printed JSON. */
function policyDiff(change: Change): DetailLine[] {
  const before = change.before === null ? '' : JSON.stringify(change.before, null, 2) + '\n';
  const after = change.after === null ? '' : JSON.stringify(change.after, null, 2) + '\n';
  const patch = structuredPatch('live', 'desired', before, after, '', '', { context: 3 });
  const lines: DetailLine[] = [];
  for (const hunk of patch.hunks) {
    lines.push({ mark: '@', text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, tone: 'hunk' });
    for (const l of hunk.lines) {
      if (l.startsWith('\\')) continue; // "\ No newline at end of file" cannot happen: both sides end in one
      if (l[0] === '+') lines.push({ mark: '+', text: l.slice(1), tone: 'add' });
      else if (l[0] === '-') lines.push({ mark: '-', text: l.slice(1), tone: 'remove' });
      else lines.push({ mark: ' ', text: l.slice(1), tone: 'context' });
    }
  }
  return lines;
}

/** Attribute lines of a whole document (create or delete). */
function documentLines(doc: Json, mark: '+' | '-'): DetailLine[] {
  const tone = mark === '+' ? 'add' : 'remove';
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [{ mark, text: show(doc), tone }];
  // An empty list (no exclusion filters, no rules) says nothing a reader needs.
  return Object.entries(doc)
    .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => ({ mark, text: `${k}: ${show(v)}`, tone }));
}

/** Attribute lines of an update: each patch operation with its old and new value. */
function patchLines(change: Change): DetailLine[] {
  return change.patch.map((op) => {
    const path = op.path.slice(1).replace(/\//g, '.').replace(/~1/g, '/').replace(/~0/g, '~');
    const old = op.op === 'add' ? undefined : (jsonPatch.getValueByPointer(change.before, op.path) as Json);
    if (op.op === 'remove') return { mark: '-', text: `${path}: ${show(old)}`, tone: 'remove' };
    const value = 'value' in op ? (op.value as Json) : undefined;
    if (op.op === 'add') return { mark: '+', text: `${path}: ${show(value)}`, tone: 'add' };
    return { mark: '~', text: `${path}: ${show(old)} -> ${show(value)}`, tone: 'change' };
  });
}

/** "sha256:5f0b1c2d3e4f  v1, latest  pushed 2026-10-01": one expiring image, recognisable at a glance. */
export function describeExpiringImage(image: ExpiringImage): string {
  const digest = image.digest.length > 19 ? image.digest.slice(0, 19) : image.digest;
  const tags = image.tags.length ? image.tags.join(', ') : '<untagged>';
  return `${digest}  ${tags}  pushed ${image.pushedAt.slice(0, 10)}`;
}

/** The expiry summary, then the first few images, then how many more. */
function expiryLines(expires: Expiry): DetailLine[] {
  const lines: DetailLine[] = [{ mark: '!', text: describeExpiry(expires), tone: 'expiry' }];
  for (const image of expires.images.slice(0, EXPIRY_IMAGES_SHOWN)) {
    lines.push({ mark: '!', text: `  expires ${describeExpiringImage(image)}`, tone: 'expiry' });
  }
  const more = expires.images.length - EXPIRY_IMAGES_SHOWN;
  if (more > 0) lines.push({ mark: '!', text: `  ... and ${more} more`, tone: 'expiry' });
  return lines;
}

/**
 * What a reader needs to see of one change: the attributes (or the policy
 * diff), blocked reasons, warnings and lifecycle expiries. Shared by the text,
 * markdown and terminal renderers so they never disagree.
 */
export function changeDetails(change: Change): DetailLine[] {
  const lines: DetailLine[] = [];
  if (POLICY_KINDS.has(change.kind)) lines.push(...policyDiff(change));
  else if (change.action === 'create') lines.push(...documentLines(change.after, '+'));
  else if (change.action === 'delete') lines.push(...documentLines(change.before, '-'));
  else lines.push(...patchLines(change));
  if (change.expires) lines.push(...expiryLines(change.expires));
  for (const w of change.warnings) lines.push({ mark: '!', text: `warning: ${w}`, tone: 'warning' });
  if (change.blocked) lines.push({ mark: '!', text: `blocked: ${change.blocked}`, tone: 'blocked' });
  return lines;
}

/** A detail line as text: `+ key: value`, or a hunk header as it is (`@@ -6,7 +6,8 @@`). */
export function formatDetail(line: DetailLine): string {
  return line.tone === 'hunk' ? line.text : `${line.mark} ${line.text}`;
}

export const ACTION_MARK: Record<Change['action'], string> = { create: '+', update: '~', delete: '-', replace: '±' };

/** "create", "update (adopt)", "delete (prune)". */
export function actionLabel(change: Change): string {
  return change.reason ? `${change.action} (${change.reason})` : change.action;
}
