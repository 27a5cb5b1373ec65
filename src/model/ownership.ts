/** The tag that marks a repository as ecrform's to change and delete. */
export const OWNERSHIP_TAG_KEY = 'managed-by';
/** The tag value of files that name no `stack`. */
export const OWNERSHIP_TAG_VALUE = 'ecrform';

/**
 * The ownership tag value of a stack: `ecrform`, or `ecrform:NAME` with
 * `stack: NAME`. Each stack prunes only repositories carrying its own value,
 * so several pipelines can share one account.
 */
export function ownershipValue(stack?: string | null): string {
  return stack ? `${OWNERSHIP_TAG_VALUE}:${stack}` : OWNERSHIP_TAG_VALUE;
}

/** True when the repository carries this stack's ownership tag. */
export function isOwned(tags: Record<string, string>, stack?: string | null): boolean {
  return tags[OWNERSHIP_TAG_KEY] === ownershipValue(stack);
}

/**
 * The other ecrform stack that owns a repository, when its tag names one
 * (`ecrform` is the stack without a name, shown as "(no stack)"); undefined when
 * the repository is this stack's, or carries no ecrform tag at all.
 */
export function otherStackOf(tags: Record<string, string>, stack?: string | null): string | undefined {
  const value = tags[OWNERSHIP_TAG_KEY];
  if (value === undefined || value === ownershipValue(stack)) return undefined;
  if (value === OWNERSHIP_TAG_VALUE) return '(no stack)';
  if (value.startsWith(`${OWNERSHIP_TAG_VALUE}:`)) return value.slice(OWNERSHIP_TAG_VALUE.length + 1);
  return undefined;
}
