import type { Json, JsonObject } from '../model/json.js';
import type { LiveImage } from '../model/live.js';
import type { ExpiringImage, Expiry } from '../model/plan.js';
import { isJsonObject as isObject } from '../normalize/canonical-json.js';

/*
 * A pure re-implementation of ECR's lifecycle policy evaluator, for the
 * `expires` preview of a plan (semantics.md "Lifecycle preview"). It follows
 * the evaluation rules of the Amazon ECR User Guide ("Lifecycle policy
 * evaluation rules" in "Automate the cleanup of images by using lifecycle
 * policies", and the worked examples in "Examples of lifecycle policies"):
 *
 * - "All rules are evaluated at the same time, regardless of rule priority.
 *   After all rules are evaluated, they are then applied based on rule
 *   priority." Each rule therefore sees every image of the repository: its
 *   selection and its count are computed on all of them.
 * - "An image is expired or archived by exactly one or zero rules" and "An
 *   image that matches the tagging requirements of a rule cannot be expired or
 *   archived by a rule with a lower priority": walking the rules by priority, a
 *   rule *claims* every image its tag selection matches (whether or not it marks
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
 *
 * Choices where ECR does not say (documented so the preview is predictable):
 * - `transition` rules (to the archive storage class) never put an image in
 *   `expires`, since archiving is not expiring; but they take part in
 *   claiming like any rule, as the guide's "expired or archived" wording says,
 *   so an image they select is safe from lower-priority expire rules.
 * - `LiveImage` has no storage class: every image is taken to be active
 *   (standard). A rule with `selection.storageClass: archive`, or counting
 *   `sinceImageTransitioned` (archived images only), selects nothing.
 * - Equal push times: the order "older first" is push time, then digest, so
 *   of two images pushed in the same millisecond the one with the smaller
 *   digest counts as older. ECR does not document its tie-break.
 * - A malformed rule (which validation rejects before any plan) selects or
 *   marks nothing rather than guessing: unknown `tagStatus`, `countType`,
 *   `countUnit` other than `days`, or a non-numeric `countNumber`.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

interface Rule {
  priority: number;
  tagStatus: string | null;
  tagPrefixList: string[];
  tagPatterns: RegExp[];
  /** Only active (standard) images exist for the preview; see the header. */
  selectsStandard: boolean;
  countType: string | null;
  countUnit: string | null;
  countNumber: number | null;
  expires: boolean;
}

/** An image with its times parsed once. */
interface Candidate {
  image: LiveImage;
  pushedMs: number;
  /** lastPulledAt, or pushedAt when never pulled (as ECR's sinceImagePulled does). */
  pulledMs: number;
}

/**
 * The images that `policy` would expire now from a repository holding `images`,
 * by ECR's lifecycle rules (see the header of this file for each rule and its
 * source).
 *
 * Invariants: each image appears at most once; `images` is sorted by push time
 * ascending, then digest; `count` is `images.length`; `bytes` is the sum of the
 * expired images' `sizeBytes`; `pushedAt` and `tags` are copied as given.
 * Deterministic: depends only on its arguments (`now` is the clock), never on
 * the order of `images` or of the policy's rules.
 *
 * Throws when an image's `pushedAt` or `lastPulledAt` is not a date: live
 * images come from `DescribeImages`, so that is a bug, not a user's mistake.
 */
export function previewLifecycle(policy: JsonObject, images: LiveImage[], now: Date): Expiry {
  const nowMs = now.getTime();
  const candidates = images.map(toCandidate).sort(olderFirst);
  const claimed = new Set<Candidate>();
  const expired: Candidate[] = [];
  for (const rule of readRules(policy)) {
    const selected = candidates.filter((c) => selects(rule, c.image));
    if (rule.expires) {
      for (const c of marks(rule, selected, nowMs)) if (!claimed.has(c)) expired.push(c);
    }
    // After marking: a rule never blocks itself, only the rules below it.
    for (const c of selected) claimed.add(c);
  }
  expired.sort(olderFirst);
  return {
    count: expired.length,
    bytes: expired.reduce((sum, c) => sum + c.image.sizeBytes, 0),
    images: expired.map(({ image }): ExpiringImage => ({ digest: image.digest, tags: [...image.tags], pushedAt: image.pushedAt })),
  };
}

/** Does the rule's tag selection (and storage class) match the image? */
function selects(rule: Rule, image: LiveImage): boolean {
  if (!rule.selectsStandard) return false;
  switch (rule.tagStatus) {
    case 'any':
      return true;
    case 'untagged':
      return image.tags.length === 0;
    case 'tagged':
      // Every listed prefix or pattern must match some tag; different entries may match different tags.
      return (
        image.tags.length > 0 &&
        rule.tagPrefixList.every((prefix) => image.tags.some((tag) => tag.startsWith(prefix))) &&
        rule.tagPatterns.every((pattern) => image.tags.some((tag) => pattern.test(tag)))
      );
    default:
      return false;
  }
}

/** The selected images the rule's count criterion marks; `selected` is oldest first. */
function marks(rule: Rule, selected: Candidate[], nowMs: number): Candidate[] {
  const n = rule.countNumber;
  if (n === null) return [];
  switch (rule.countType) {
    case 'imageCountMoreThan':
      // Keep the newest n; everything older is marked.
      return selected.slice(0, Math.max(0, selected.length - n));
    case 'sinceImagePushed':
      return isDays(rule) ? selected.filter((c) => nowMs - c.pushedMs > n * DAY_MS) : [];
    case 'sinceImagePulled':
      return isDays(rule) ? selected.filter((c) => nowMs - c.pulledMs > n * DAY_MS) : [];
    default:
      return [];
  }
}

/** `days` is the only unit ECR accepts; a policy without one is read as days. */
function isDays(rule: Rule): boolean {
  return rule.countUnit === null || rule.countUnit === 'days';
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
  const storageClass = selection.storageClass;
  return {
    priority: typeof rule.rulePriority === 'number' ? rule.rulePriority : Number.MAX_SAFE_INTEGER,
    tagStatus: typeof selection.tagStatus === 'string' ? selection.tagStatus : null,
    tagPrefixList: strings(selection.tagPrefixList),
    tagPatterns: strings(selection.tagPatternList).map(compilePattern),
    selectsStandard: storageClass === undefined || storageClass === 'standard',
    countType: typeof selection.countType === 'string' ? selection.countType : null,
    countUnit: typeof selection.countUnit === 'string' ? selection.countUnit : null,
    countNumber: typeof selection.countNumber === 'number' && Number.isFinite(selection.countNumber) ? selection.countNumber : null,
    expires: action.type === 'expire',
  };
}

/** ECR tag patterns: `*` matches any run of characters (even none); the rest is literal; the whole tag must match. */
function compilePattern(pattern: string): RegExp {
  const literal = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('[\\s\\S]*')}$`);
}

function toCandidate(image: LiveImage): Candidate {
  const pushedMs = parseTime(image.pushedAt, image.digest, 'pushedAt');
  const pulledMs = image.lastPulledAt === undefined ? pushedMs : parseTime(image.lastPulledAt, image.digest, 'lastPulledAt');
  return { image, pushedMs, pulledMs };
}

function parseTime(text: string, digest: string, field: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bug: image ${digest} has an unreadable ${field}: ${JSON.stringify(text)}`);
  return ms;
}

function olderFirst(a: Candidate, b: Candidate): number {
  if (a.pushedMs !== b.pushedMs) return a.pushedMs - b.pushedMs;
  return a.image.digest < b.image.digest ? -1 : a.image.digest > b.image.digest ? 1 : 0;
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
