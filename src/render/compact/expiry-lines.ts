import type { Json } from '../../model/json.js';
import type { ExpiringImage, Expiry } from '../../model/plan.js';
import { isJsonObject } from '../../normalize/canonical-json.js';
import type { DetailLine } from './detail-line.js';

/** Expiring images listed one per line before "and N more": enough to recognise, short enough to read. */
export const EXPIRY_IMAGES_SHOWN = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** "will archive 3 images (1.2 GB) now": the archive side of the lifecycle preview, worded like the expiry. */
export function describeArchive(archives: Expiry): string {
  if (archives.count === 0) return 'will archive no images now';
  return `will archive ${archives.count} ${archives.count === 1 ? 'image' : 'images'} (${formatBytes(archives.bytes)}) now`;
}

/** "pushed today", "pushed 1 day ago", "pushed 41 days ago": the age as of when the plan was made. */
export function describeAge(pushedAt: string, now: string): string {
  const days = Math.floor((Date.parse(now) - Date.parse(pushedAt)) / DAY_MS);
  if (!Number.isFinite(days)) return `pushed ${pushedAt.slice(0, 10)}`;
  if (days <= 0) return 'pushed today';
  return `pushed ${days} day${days === 1 ? '' : 's'} ago`;
}

interface RuleView {
  priority: number;
  description: string | null;
  matches: (image: ExpiringImage) => boolean;
}

const strings = (v: Json | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
}

/** The rules of a lifecycle policy by priority, each with what its tag selection matches. */
function rulesOf(policy: Json): RuleView[] {
  const rules = isJsonObject(policy) && Array.isArray(policy.rules) ? policy.rules : [];
  return rules
    .filter(isJsonObject)
    .map((rule) => {
      const sel = isJsonObject(rule.selection) ? rule.selection : {};
      const prefixes = strings(sel.tagPrefixList);
      const patterns = strings(sel.tagPatternList).map(wildcard);
      // A rule selects only images of its storage class (standard unless it says archive).
      const storageClass = sel.storageClass === undefined ? 'standard' : sel.storageClass;
      const matches = (image: ExpiringImage): boolean => {
        if ((image.storageClass ?? 'standard') !== storageClass) return false;
        const tags = image.tags;
        if (sel.tagStatus === 'any') return true;
        if (sel.tagStatus === 'untagged') return tags.length === 0;
        return (
          sel.tagStatus === 'tagged' &&
          tags.length > 0 &&
          prefixes.every((p) => tags.some((t) => t.startsWith(p))) &&
          patterns.every((p) => tags.some((t) => p.test(t)))
        );
      };
      return {
        priority: typeof rule.rulePriority === 'number' ? rule.rulePriority : Number.MAX_SAFE_INTEGER,
        description: typeof rule.description === 'string' ? rule.description : null,
        matches,
      };
    })
    .sort((a, b) => a.priority - b.priority);
}

/**
 * The rule that expires an image: the first, by priority, whose tag selection
 * matches it. ECR lets an image be expired only by the highest-priority rule
 * that selects it (a rule claims what it selects; lower rules may not mark
 * it), so for an image the preview expired, that rule is the one.
 */
function ruleFor(rules: RuleView[], image: ExpiringImage): RuleView | undefined {
  return rules.find((r) => r.matches(image));
}

const ruleName = (rule: RuleView) => `rule ${rule.priority}${rule.description ? ` (${rule.description})` : ''}`;

/** "v1.10, v1.10-amd64  pushed 41 days ago  by rule 1 (Keep the 30 most recent images)". */
export function describeExpiringImage(image: ExpiringImage, now: string, rule?: RuleView): string {
  const digest = image.digest.slice(0, 19);
  const name = image.tags.length ? image.tags.join(', ') : `<untagged> ${digest}`;
  return `${name}  ${describeAge(image.pushedAt, now)}${rule ? `  by ${ruleName(rule)}` : ''}`;
}

/**
 * The expiring images' lines when one rule expires them all: images of one
 * tag pushed the same day share a line (`v1.10, v1.12, v1.9  pushed today`),
 * so a release series reads at a glance. An untagged image, or one with
 * several tags, keeps a line of its own: its tags are never mistaken for
 * another image's. `--full` keeps one image a line.
 */
function sameRuleImageLines(images: ExpiringImage[], now: string, full: boolean): DetailLine[] {
  const rows: { names: string[]; age: string; single: boolean }[] = [];
  for (const image of images) {
    const age = describeAge(image.pushedAt, now);
    const single = image.tags.length === 1 && !full;
    const last = rows.at(-1);
    if (single && last?.single && last.age === age) last.names.push(image.tags[0]);
    else rows.push({ names: single ? [image.tags[0]] : [describeExpiringImage(image, now)], age, single });
  }
  return rows.map((row) => ({ mark: '!', text: row.single ? `${row.names.join(', ')}  ${row.age}` : row.names[0], tone: 'expiry', indent: 1 }));
}

export interface ExpiryContext {
  /** When the plan was made: ages are counted to it. */
  now: string;
  /** The repository is created by this plan: it holds no images, so "none expire" says nothing. */
  newRepository: boolean;
  full: boolean;
}

/**
 * What a lifecycle change would expire now: a warning with the first few
 * images (tags, age, the rule that expires each), or a dim note that nothing
 * expires, left out for a repository that does not exist yet.
 */
export function expiryLines(expires: Expiry, policy: Json, ctx: ExpiryContext): DetailLine[] {
  if (expires.count === 0) return ctx.newRepository ? [] : [{ mark: '·', text: 'expires no images now', tone: 'note' }];
  const rules = rulesOf(policy);
  const ruleOf = new Map(expires.images.map((image) => [image, ruleFor(rules, image)]));
  // One rule expires them all (the common case): say it once, on the count line.
  const only = new Set(ruleOf.values()).size === 1 ? [...ruleOf.values()][0] : undefined;
  const lines: DetailLine[] = [{ mark: '!', text: `${describeExpiry(expires)}${only ? `, by ${ruleName(only)}` : ''}`, tone: 'expiry' }];
  const shown = ctx.full ? expires.images : expires.images.slice(0, EXPIRY_IMAGES_SHOWN);
  if (only) lines.push(...sameRuleImageLines(shown, ctx.now, ctx.full));
  else for (const image of shown) lines.push({ mark: '!', text: describeExpiringImage(image, ctx.now, ruleOf.get(image)), tone: 'expiry', indent: 1 });
  const more = expires.images.length - shown.length;
  if (more > 0) lines.push({ mark: '!', text: `… and ${more} more`, tone: 'expiry', indent: 1 });
  return lines;
}

/**
 * What a lifecycle change would archive now (its transition rules): a
 * warning with the first few images, or a dim note that nothing is archived,
 * left out for a repository that does not exist yet.
 */
export function archiveLines(archives: Expiry, ctx: ExpiryContext): DetailLine[] {
  if (archives.count === 0) return ctx.newRepository ? [] : [{ mark: '·', text: 'archives no images now', tone: 'note' }];
  const lines: DetailLine[] = [{ mark: '!', text: describeArchive(archives), tone: 'expiry' }];
  const shown = ctx.full ? archives.images : archives.images.slice(0, EXPIRY_IMAGES_SHOWN);
  for (const image of shown) lines.push({ mark: '!', text: describeExpiringImage(image, ctx.now), tone: 'expiry', indent: 1 });
  const more = archives.images.length - shown.length;
  if (more > 0) lines.push({ mark: '!', text: `… and ${more} more`, tone: 'expiry', indent: 1 });
  return lines;
}
