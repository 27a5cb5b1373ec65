import type { Json, JsonObject } from '../model/json.js';
import type { LiveImage } from '../model/live.js';
import type { ExpiringImage, Expiry } from '../model/plan.js';
import { isJsonObject as isObject } from '../normalize/canonical-json.js';

/*
 * A pure re-implementation of ECR's lifecycle policy evaluator, for the
 * `expires` and `archives` previews of a plan (semantics.md "Lifecycle
 * preview"). It follows the evaluation rules of the Amazon ECR User Guide
 * ("Lifecycle policy evaluation rules" in "Automate the cleanup of images by
 * using lifecycle policies", and the worked examples in "Examples of
 * lifecycle policies", archive examples included):
 *
 * - "All rules are evaluated at the same time, regardless of rule priority.
 *   After all rules are evaluated, they are then applied based on rule
 *   priority." Each rule therefore sees every image of the repository: its
 *   selection and its count are computed on all of them.
 * - "An image is expired or archived by exactly one or zero rules" and "An
 *   image that matches the tagging requirements of a rule cannot be expired or
 *   archived by a rule with a lower priority": walking the rules by priority, a
 *   rule *claims* every image its selection matches (whether or not it marks
 *   it), and a later rule may not mark a claimed image.
 * - "Rules can never mark images that are marked by higher priority rules, but
 *   can still identify them as if they haven't been expired or archived": this
 *   is what "lower rules still count it" means here. A lower rule's
 *   `imageCountMoreThan` window is computed over ALL the images its selection
 *   matches, claimed or already expired ones included; only the marking skips
 *   claimed images. So a claimed image can occupy one of the N kept slots and
 *   push an unclaimed older image out. The guide's "Filtering on all images,
 *   Example B" shows exactly this: rule 3 (`any`, keep 1) keeps image E, which
 *   rule 2 claimed but did not expire, and so expires the unclaimed image D.
 *   Counting only unclaimed images would have kept D. (The guide's "Filtering
 *   on multiple rules" Examples A and B agree.)
 * - Storage classes: a rule selects only images of its `storageClass`
 *   (`standard` when left out). An image whose status is `ARCHIVED` is in the
 *   archive class, one that is `ACTIVE` (or has no status) in standard. The
 *   archive class goes with `sinceImageTransitioned` only, and that count type
 *   with it only ("Lifecycle policy properties", storageClass). So the
 *   guide's "Combining archive and expire rules" (a `tagStatus: any`
 *   transition rule, then a `tagStatus: any` expire rule over `archive`) has
 *   two rules that never see the same image, and each claims only its own.
 * - `transition` rules archive the standard images they mark (the preview's
 *   `archives`); `expire` rules delete them (`expires`), in either class.
 * - `sinceImagePulled` counts from the last recorded pull; from the push when
 *   the image was never pulled; and from `lastActivatedAt` when the image was
 *   restored from archive and not pulled since. `sinceImageTransitioned`
 *   counts from `lastArchivedAt`, archived images only.
 * - "Expiration is always ordered by pushed_at_time ... If an image was
 *   archived and then restored at any point in the past, the image's
 *   last_activated_at is used instead of pushed_at_time": the age order of
 *   `imageCountMoreThan` (standard images only, see storage classes) takes
 *   `lastActivatedAt` over the push time.
 * - "Archived images have a minimum storage duration of 90 days. You cannot
 *   configure lifecycle policies that delete images that have been in archive
 *   for less than 90 days": no rule expires an image archived less than 90
 *   days ago, whatever its count says. A rule that asks for less gets a note
 *   (the plan shows it as a warning) saying how many archived images it
 *   selects but cannot expire yet.
 *
 * Choices where ECR does not say (documented so the preview is predictable):
 * - An `ACTIVATING` image (being restored) is in neither class: no rule
 *   selects it, so it is never in the preview and claims nothing.
 * - An archived image without `lastArchivedAt` cannot be dated: no rule
 *   expires it (a preview never invents an age).
 * - Equal times: the order "older first" is the age time, then digest, so of
 *   two images pushed in the same millisecond the one with the smaller digest
 *   counts as older. ECR does not document its tie-break.
 * - A malformed rule (which validation rejects before any plan) selects or
 *   marks nothing rather than guessing: unknown `tagStatus`, `countType`,
 *   `storageClass`, a storage class that does not go with the count type,
 *   a `tagged` rule with neither a prefix nor a pattern, `countUnit` other
 *   than `days` (a rule without one counts in days), a `countNumber` that is
 *   not a finite number, an action that is neither `expire` nor `transition`
 *   to `archive`; so does a `transition` rule over the archive class.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** ECR's minimum storage duration of an archived image. */
export const ARCHIVE_MINIMUM_DAYS = 90;

type StorageClass = 'standard' | 'archive';

interface Rule {
  priority: number;
  tagStatus: string | null;
  tagPrefixList: string[];
  tagPatterns: RegExp[];
  /** null for a storageClass ECR does not know: the rule selects nothing. */
  storageClass: StorageClass | null;
  countType: string | null;
  /** False for a countUnit other than days: the `since*` count types then mark nothing. */
  days: boolean;
  countNumber: number | null;
  action: 'expire' | 'transition' | null;
}

/** An image with its class and times parsed once. */
interface Candidate {
  image: LiveImage;
  /** null while ACTIVATING: in neither class. */
  storageClass: StorageClass | null;
  pushedMs: number;
  /** What sinceImagePulled counts from (see the header). */
  pulledMs: number;
  /** lastArchivedAt; null when not reported (only archive-class rules read it). */
  archivedMs: number | null;
  /** The age order of imageCountMoreThan (standard images): older first by this time. */
  orderMs: number;
}

/** What a lifecycle policy would do now: the images it expires, those it archives, and notes for the plan. */
export interface LifecyclePreview {
  expires: Expiry;
  archives: Expiry;
  notes: string[];
}

/**
 * The images that `policy` would expire now from a repository holding
 * `images`, by ECR's lifecycle rules. See previewLifecycleActions.
 */
export function previewLifecycle(policy: JsonObject, images: LiveImage[], now: Date): Expiry {
  return previewLifecycleActions(policy, images, now).expires;
}

/**
 * What `policy` would do now to a repository holding `images`, by ECR's
 * lifecycle rules (see the header of this file for each rule and its source):
 * the images it would expire, those it would archive, and notes such as the
 * 90-day archive minimum holding images back.
 *
 * Invariants: each image appears in at most one of `expires` and `archives`,
 * at most once; both lists are sorted by push time ascending, then digest;
 * `count` is the list's length and `bytes` the sum of its images'
 * `sizeBytes`. Deterministic: depends only on its arguments (`now` is the
 * clock), never on the order of `images` or of the policy's rules.
 *
 * Throws when an image's times are not dates: live images come from
 * `DescribeImages`, so that is a bug, not a user's mistake.
 */
export function previewLifecycleActions(policy: JsonObject, images: LiveImage[], now: Date): LifecyclePreview {
  const nowMs = now.getTime();
  // In any order: imageCountMoreThan sorts what it selects, and toExpiry sorts the result.
  const candidates = images.map(toCandidate);
  const claimed = new Set<Candidate>();
  const expired: Candidate[] = [];
  const archived: Candidate[] = [];
  const notes: string[] = [];
  for (const rule of readRules(policy)) {
    const selected = candidates.filter((c) => selects(rule, c));
    if (rule.action === 'expire' || (rule.action === 'transition' && rule.storageClass === 'standard')) {
      const { marked, held } = marks(rule, selected, nowMs);
      const into = rule.action === 'expire' ? expired : archived;
      for (const c of marked) if (!claimed.has(c)) into.push(c);
      const note = holdNote(rule, held.filter((c) => !claimed.has(c)).length);
      if (note) notes.push(note);
    }
    // After marking: a rule never blocks itself, only the rules below it.
    for (const c of selected) claimed.add(c);
  }
  return { expires: toExpiry(expired), archives: toExpiry(archived), notes };
}

/** True when a rule of the policy moves images to the archive storage class. */
export function hasTransitionRule(policy: JsonObject): boolean {
  return readRules(policy).some((rule) => rule.action === 'transition');
}

function toExpiry(list: Candidate[]): Expiry {
  const sorted = [...list].sort(olderBy((c) => c.pushedMs));
  return {
    count: sorted.length,
    bytes: sorted.reduce((sum, c) => sum + c.image.sizeBytes, 0),
    images: sorted.map(({ image, storageClass }): ExpiringImage => ({
      digest: image.digest,
      tags: [...image.tags],
      pushedAt: image.pushedAt,
      ...(storageClass === 'archive' ? { storageClass } : {}),
    })),
  };
}

/** Does the rule's storage class and tag selection match the image? */
function selects(rule: Rule, c: Candidate): boolean {
  if (rule.storageClass === null || rule.storageClass !== c.storageClass) return false;
  const tags = c.image.tags;
  switch (rule.tagStatus) {
    case 'any':
      return true;
    case 'untagged':
      return tags.length === 0;
    case 'tagged':
      // Every listed prefix or pattern must match some tag; different entries may match different tags.
      // A tagged rule listing neither (malformed) selects nothing.
      return (
        rule.tagPrefixList.length + rule.tagPatterns.length > 0 &&
        rule.tagPrefixList.every((prefix) => tags.some((tag) => tag.startsWith(prefix))) &&
        rule.tagPatterns.every((pattern) => tags.some((tag) => pattern.test(tag)))
      );
    default:
      return false;
  }
}

/**
 * The selected images the rule's count criterion marks, and those it would
 * mark but the 90-day archive minimum holds back. Called for expire rules and
 * for transition rules over the standard class.
 */
function marks(rule: Rule, selected: Candidate[], nowMs: number): { marked: Candidate[]; held: Candidate[] } {
  const n = rule.countNumber;
  if (n === null) return { marked: [], held: [] };
  let marked: Candidate[];
  switch (rule.countType) {
    case 'imageCountMoreThan': {
      // Keep the newest n by the age order; everything older is marked.
      const byAge = [...selected].sort(olderBy((c) => c.orderMs));
      marked = byAge.slice(0, Math.max(0, byAge.length - n));
      break;
    }
    case 'sinceImagePushed':
      marked = rule.days ? selected.filter((c) => nowMs - c.pushedMs > n * DAY_MS) : [];
      break;
    case 'sinceImagePulled':
      marked = rule.days ? selected.filter((c) => nowMs - c.pulledMs > n * DAY_MS) : [];
      break;
    case 'sinceImageTransitioned':
      marked = rule.days ? selected.filter((c) => c.archivedMs !== null && nowMs - c.archivedMs > n * DAY_MS) : [];
      break;
    default:
      marked = [];
  }
  // Only expire rules reach here over the archive class, and only with sinceImageTransitioned,
  // which marks dated images alone.
  if (rule.storageClass !== 'archive') return { marked, held: [] };
  const oldEnough = (c: Candidate) => nowMs - (c.archivedMs as number) >= ARCHIVE_MINIMUM_DAYS * DAY_MS;
  return { marked: marked.filter(oldEnough), held: marked.filter((c) => !oldEnough(c)) };
}

/** The plan's note for archived images a rule would expire but ECR keeps for their first 90 days. */
function holdNote(rule: Rule, held: number): string | null {
  if (held === 0) return null;
  const what = held === 1 ? '1 archived image' : `${held} archived images`;
  return `lifecycle rule ${rule.priority} would expire ${what} archived less than ${ARCHIVE_MINIMUM_DAYS} days ago; ECR keeps an archived image at least ${ARCHIVE_MINIMUM_DAYS} days, so ${held === 1 ? 'it is' : 'they are'} not expired now`;
}

function readRules(policy: JsonObject): Rule[] {
  const raw = Array.isArray(policy.rules) ? policy.rules : [];
  const rules: Rule[] = [];
  for (const item of raw) if (isObject(item)) rules.push(readRule(item));
  // Array.prototype.sort is stable: rules with equal (invalid) priorities keep file order.
  return rules.sort((a, b) => a.priority - b.priority);
}

function readRule(rule: JsonObject): Rule {
  const selection = isObject(rule.selection) ? rule.selection : {};
  const action = isObject(rule.action) ? rule.action : {};
  const storageClass = selection.storageClass ?? 'standard';
  // ECR takes the archive class with sinceImageTransitioned only, and that count type with it only.
  const fits = (storageClass === 'archive') === (selection.countType === 'sinceImageTransitioned');
  return {
    priority: typeof rule.rulePriority === 'number' ? rule.rulePriority : Number.MAX_SAFE_INTEGER,
    tagStatus: typeof selection.tagStatus === 'string' ? selection.tagStatus : null,
    tagPrefixList: strings(selection.tagPrefixList),
    tagPatterns: strings(selection.tagPatternList).map(compilePattern),
    storageClass: (storageClass === 'standard' || storageClass === 'archive') && fits ? storageClass : null,
    countType: typeof selection.countType === 'string' ? selection.countType : null,
    // `days` is the only unit ECR accepts; a rule without one is read as days.
    days: selection.countUnit === undefined || selection.countUnit === 'days',
    countNumber: typeof selection.countNumber === 'number' && Number.isFinite(selection.countNumber) ? selection.countNumber : null,
    action: action.type === 'expire' ? 'expire' : action.type === 'transition' && action.targetStorageClass === 'archive' ? 'transition' : null,
  };
}

/** ECR tag patterns: `*` matches any run of characters (even none); the rest is literal; the whole tag must match. */
function compilePattern(pattern: string): RegExp {
  const literal = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('[\\s\\S]*')}$`);
}

function toCandidate(image: LiveImage): Candidate {
  const time = (text: string | undefined, field: string): number | null => (text === undefined ? null : parseTime(text, image.digest, field));
  const pushedMs = parseTime(image.pushedAt, image.digest, 'pushedAt');
  const pulled = time(image.lastPulledAt, 'lastPulledAt');
  const activated = time(image.lastActivatedAt, 'lastActivatedAt');
  const archivedMs = time(image.lastArchivedAt, 'lastArchivedAt');
  const status = image.status ?? 'ACTIVE';
  const storageClass: StorageClass | null = status === 'ACTIVE' ? 'standard' : status === 'ARCHIVED' ? 'archive' : null;
  // Restored and not pulled since: the restore is the last use (a pull before it is older still).
  const pulledMs = Math.max(pulled ?? pushedMs, activated ?? Number.NEGATIVE_INFINITY);
  const orderMs = activated ?? pushedMs;
  return { image, storageClass, pushedMs, pulledMs, archivedMs, orderMs };
}

function parseTime(text: string, digest: string, field: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bug: image ${digest} has an unreadable ${field}: ${JSON.stringify(text)}`);
  return ms;
}

/** Older first by the given time, then by digest. */
function olderBy(time: (c: Candidate) => number): (a: Candidate, b: Candidate) => number {
  return (a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) return ta - tb;
    return a.image.digest < b.image.digest ? -1 : a.image.digest > b.image.digest ? 1 : 0;
  };
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
