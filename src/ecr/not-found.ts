const NOT_FOUND = new Set([
  'RepositoryPolicyNotFoundException',
  'LifecyclePolicyNotFoundException',
  'RegistryPolicyNotFoundException',
  'RepositoryNotFoundException',
  'PullThroughCacheRuleNotFoundException',
  'TemplateNotFoundException',
  'SigningConfigurationNotFoundException',
]);

/** True for ECR's "there is none" errors, which mean absence, not failure. */
function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && NOT_FOUND.has((err as { name?: string }).name ?? '');
}

/** Runs a read; a *NotFoundException becomes null. */
export async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
