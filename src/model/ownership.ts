/** The tag that marks a repository as ecrform's to change and delete. */
export const OWNERSHIP_TAG_KEY = 'managed-by';
export const OWNERSHIP_TAG_VALUE = 'ecrform';

export function isOwned(tags: Record<string, string>): boolean {
  return tags[OWNERSHIP_TAG_KEY] === OWNERSHIP_TAG_VALUE;
}
