import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveImage } from '../../src/model/live.js';
import { previewLifecycleActions } from '../../src/plan/lifecycle-preview.js';

/*
 * A rule validation refuses never reaches a plan; plan() is pure and takes any
 * document, so the preview answers such a rule the way its header documents:
 * it selects and marks nothing (and so claims nothing) rather than guessing.
 * Each case would mark every image below if the preview read it loosely.
 */

const NOW = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** Every kind of image DescribeImages (imageStatus ANY) reports, all a year or more old. */
const IMAGES: LiveImage[] = [
  { digest: 'sha256:untagged', tags: [], pushedAt: ago(400), sizeBytes: 10 },
  { digest: 'sha256:tagged', tags: ['v1'], pushedAt: ago(401), sizeBytes: 10 },
  { digest: 'sha256:archived', tags: ['v0'], pushedAt: ago(700), status: 'ARCHIVED', lastArchivedAt: ago(500), sizeBytes: 10 },
  { digest: 'sha256:restoring', tags: ['v-1'], pushedAt: ago(800), status: 'ACTIVATING', lastArchivedAt: ago(600), sizeBytes: 10 },
  { digest: 'sha256:restored', tags: ['v-2'], pushedAt: ago(900), lastArchivedAt: ago(700), lastActivatedAt: ago(365), sizeBytes: 10 },
];

const since = (countType: string, extra: JsonObject = {}): JsonObject => ({ tagStatus: 'any', countType, countUnit: 'days', countNumber: 1, ...extra });
const expire = (selection: JsonObject, action: JsonObject = { type: 'expire' }): JsonObject => ({ rulePriority: 1, selection, action });

function outcome(rules: JsonObject[]): { expires: string[]; archives: string[]; notes?: string[] } {
  const result = previewLifecycleActions({ rules }, IMAGES, NOW);
  const names = (list: { images: { digest: string }[] }) => list.images.map((i) => i.digest.replace('sha256:', ''));
  // No note either: a rule that marks nothing holds nothing back (no "archived less than 90 days" claim).
  return { expires: names(result.expires), archives: names(result.archives), ...(result.notes.length ? { notes: result.notes } : {}) };
}

describe('a malformed lifecycle rule selects and marks nothing', () => {
  it.each<[string, JsonObject]>([
    ['an action type that is neither expire nor transition', expire(since('sinceImagePushed'), { type: 'delete' })],
    ['an unknown action type that names a target class', expire(since('sinceImagePushed'), { type: 'delete', targetStorageClass: 'archive' })],
    ['a transition without targetStorageClass', expire(since('sinceImagePushed'), { type: 'transition' })],
    ['a transition over the archive class', expire(since('sinceImageTransitioned', { storageClass: 'archive' }), { type: 'transition', targetStorageClass: 'archive' })],
    ['a tagStatus ECR does not know', expire(since('sinceImagePushed', { tagStatus: 'TAGGED' }))],
    ['a tagged rule with neither prefixes nor patterns', expire(since('sinceImagePushed', { tagStatus: 'tagged' }))],
    ['a tagged rule whose only pattern is not a string', expire(since('sinceImagePushed', { tagStatus: 'tagged', tagPatternList: [5] }))],
    ['a storage class ECR does not know (not even the images being restored)', expire(since('sinceImagePushed', { storageClass: 'glacier' }))],
    ['the archive class with a count type other than sinceImageTransitioned', expire(since('sinceImagePushed', { storageClass: 'archive' }))],
    ['sinceImageTransitioned over the standard class (not even restored images)', expire(since('sinceImageTransitioned', { storageClass: 'standard' }))],
    ['a count type ECR does not know', expire(since('sinceImageCreated'))],
    ['a countNumber written as a string', expire({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: '1' })],
    // JSON's 1e400 reads as Infinity: not a number of images to keep.
    ['a countNumber that is not finite', expire({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: Number.NEGATIVE_INFINITY })],
    ['sinceImagePushed counted in hours', expire(since('sinceImagePushed', { countUnit: 'hours' }))],
    ['sinceImagePulled counted in hours', expire(since('sinceImagePulled', { countUnit: 'hours' }))],
    ['sinceImageTransitioned counted in hours', expire(since('sinceImageTransitioned', { storageClass: 'archive', countUnit: 'hours' }))],
    ['a countUnit that is not a string', expire(since('sinceImagePushed', { countUnit: 1 }))],
  ])('%s', (_name, rule) => {
    expect(outcome([rule])).toEqual({ expires: [], archives: [] });
  });

  it('claims nothing either: a lower rule still expires what the malformed one would have held', () => {
    const lower: JsonObject = { rulePriority: 2, selection: since('sinceImagePushed'), action: { type: 'expire' } };
    expect(outcome([expire(since('sinceImagePushed', { storageClass: 'glacier' })), lower]).expires).toEqual(['restored', 'tagged', 'untagged']);
  });

  it('a since rule without countUnit counts in days', () => {
    expect(outcome([expire({ tagStatus: 'any', countType: 'sinceImagePushed', countNumber: 1 })]).expires).toEqual(['restored', 'tagged', 'untagged']);
  });

  it('a list of rules that holds a non-rule still applies its rules', () => {
    const policy = { rules: [null, 'keep 5', expire(since('sinceImagePushed'))] } as unknown as JsonObject;
    expect(previewLifecycleActions(policy, IMAGES, NOW).expires.count).toBe(3);
  });

  it('a rule whose rulePriority is not a number goes after every numbered rule', () => {
    // The numbered rule keeps v1 (and so claims it); were the "1" rule first, it would expire v1.
    const keepV1: JsonObject = { rulePriority: 2, selection: { tagStatus: 'tagged', tagPrefixList: ['v1'], countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } };
    const quoted: JsonObject = { ...expire(since('sinceImagePushed')), rulePriority: '1' };
    expect(outcome([quoted, keepV1]).expires).toEqual(['restored', 'untagged']);
  });
});
