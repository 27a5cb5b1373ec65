import type { DesiredRepository } from '../model/desired.js';
import type { LiveRepository } from '../model/live.js';
import type { Change } from '../model/plan.js';
import { address } from '../model/address.js';
import { PlanTimeError, type Diagnostic } from '../errors.js';
import { makeChange } from './make-change.js';

type Mutability = Pick<DesiredRepository, 'imageTagMutability' | 'imageTagMutabilityExclusionFilters'>;

/** True when an exclusion filter (ECR's WILDCARD: `*` is any run of characters) matches the tag. */
function matchesFilter(filter: string, tag: string): boolean {
  const pattern = filter.split('*').map((part) => part.replace(/[.]/g, '\\.')).join('.*');
  return new RegExp(`^${pattern}$`).test(tag);
}

/**
 * True when `tag` may not move under this mutability. The exclusion filters
 * flip the base setting: under IMMUTABLE_WITH_EXCLUSION the matching tags are
 * mutable, under MUTABLE_WITH_EXCLUSION the matching tags are immutable.
 */
export function tagIsImmutable(repo: Mutability, tag: string): boolean {
  const excluded = repo.imageTagMutabilityExclusionFilters.some((f) => matchesFilter(f, tag));
  switch (repo.imageTagMutability) {
    case 'IMMUTABLE':
      return true;
    case 'MUTABLE':
      return false;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded;
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded;
  }
}

/** A pin that cannot be met: reported at the pin's own line. */
function pinProblem(repo: DesiredRepository, tag: string, message: string): Diagnostic {
  const { file, line, col } = repo.imageSources?.[tag] ?? repo.source;
  return { file, line, col, path: `/repositories/${repo.name}/images`, message };
}

/**
 * Tag pins: each named tag must point at the pinned digest (or at the image
 * another tag points at now). Only the named tags are managed. Needs the live
 * images; a pin that cannot be met is an error at plan time, not a surprise
 * during apply. Every such pin is reported (in tag order), so one plan shows all.
 */
export function diffImagePins(repo: DesiredRepository, live: LiveRepository | undefined): Change[] {
  const changes: Change[] = [];
  const problems: Diagnostic[] = [];
  const images = live?.images ?? [];
  // The mutability in force when the pin is applied: the live one when the files leave it alone.
  const mutability: Mutability = live && repo.ignore.includes('imageTagMutability') ? live : repo;
  const digestOfTag = new Map(images.flatMap((img) => img.tags.map((t) => [t, img.digest] as const)));
  for (const [tag, pin] of Object.entries(repo.images).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = 'digest' in pin ? pin.digest : digestOfTag.get(pin.tag);
    if (!target) {
      problems.push(pinProblem(repo, tag, `repository "${repo.name}": image["${tag}"] follows tag "${(pin as { tag: string }).tag}", which no image in the repository carries`));
      continue;
    }
    if (!images.some((img) => img.digest === target)) {
      problems.push(pinProblem(repo, tag, `repository "${repo.name}": image["${tag}"] pins ${target}, which is not in the repository; push it first`));
      continue;
    }
    const current = digestOfTag.get(tag) ?? null;
    if (current === target) continue;
    if (current !== null && tagIsImmutable(mutability, tag)) {
      problems.push(pinProblem(repo, tag, `repository "${repo.name}" is ${mutability.imageTagMutability}: image["${tag}"] would move tag "${tag}" from ${current} to ${target}; make the tag mutable or pin another tag`));
      continue;
    }
    changes.push(
      makeChange({
        address: address.image(repo.name, tag),
        kind: 'image',
        action: current === null ? 'create' : 'update',
        before: current === null ? null : { digest: current },
        after: { digest: target },
        calls: ['BatchGetImage', 'PutImage'],
      }),
    );
  }
  if (problems.length > 0) throw new PlanTimeError(problems);
  return changes;
}
