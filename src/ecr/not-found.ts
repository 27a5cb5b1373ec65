/**
 * Runs a read; the named "there is none" errors become null. Each read names
 * only the errors that mean absence of what it reads: a
 * `RepositoryNotFoundException` from a policy read means the repository
 * vanished while it was read, which fails the read (semantics.md), whereas
 * `RepositoryPolicyNotFoundException` means "no policy".
 */
export async function orNull<T>(read: () => Promise<T>, absent: string): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { name?: string }).name === absent) return null;
    throw err;
  }
}
