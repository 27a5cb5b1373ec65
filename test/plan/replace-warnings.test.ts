import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import type { DesiredRepository } from '../../src/model/desired.js';
import type { LiveRepository } from '../../src/model/live.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * What a replace (an encryption change) tells the reader, line by line, and
 * what the repository it creates again keeps of the live one.
 */

const ENCRYPTION_LINE =
  'encryption cannot change on a live repository (AES256 -> KMS): it is deleted, destroying its images, then created again with its settings, tags and policies';
const digest = (c: string) => `sha256:${c.repeat(64)}`;

function replaceOf(repo: Partial<DesiredRepository>, live: Partial<LiveRepository> = {}) {
  const thePlan = plan(
    desiredState([desiredRepo('app', { encryption: { type: 'KMS' }, ...repo })]),
    liveState([liveRepo('app', { tags: OWNED, images: [image('1', 3, ['v1']), image('2', 2, ['v2'])], ...live })]),
    planOptions(),
  );
  const [replace] = thePlan.changes;
  expect([replace.address, replace.action]).toEqual(['repository["app"]', 'replace']);
  return replace;
}

describe('the warnings of a replace', () => {
  it('without ignored fields or pins, one line: what the replace destroys', () => {
    expect(replaceOf({}).warnings).toEqual([ENCRYPTION_LINE]);
  });

  it('names every pin it cannot keep, sorted, whatever order the file declares them in', () => {
    const warnings = replaceOf({ images: { v2: { digest: digest('2') }, latest: { digest: digest('1') } } }).warnings;
    expect(warnings).toEqual([
      ENCRYPTION_LINE,
      'tag pins not applied: the replace deletes the images they point at (latest, v2); push them again, then apply',
    ]);
  });

  it('names the ignored fields it carries over, sorted', () => {
    const warnings = replaceOf({ ignore: ['scanOnPush', 'imageTagMutability'] }).warnings;
    expect(warnings).toEqual([ENCRYPTION_LINE, 'ignored fields keep their live values through the replace: imageTagMutability, scanOnPush']);
  });
});

describe('what a replace creates again', () => {
  it('with imageTagMutability ignored, the live mutability and its exclusion filters', () => {
    const replace = replaceOf(
      { ignore: ['imageTagMutability'] },
      { imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['dev-*', 'latest'] },
    );
    expect(replace.after).toMatchObject({ imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['dev-*', 'latest'] });
  });
});
