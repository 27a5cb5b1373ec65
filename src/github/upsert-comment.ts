import type { GitHubApi, IssueComment } from './github-api.js';

/**
 * Creates the comment, or updates the one that starts with the marker. The
 * oldest such comment wins, so the pull request's first comment stays the
 * place to look; a comment only quoting the marker does not count.
 */
export async function upsertComment(api: GitHubApi, issue: number, marker: string, body: string): Promise<{ action: 'created' | 'updated'; comment: IssueComment }> {
  const existing = (await api.listComments(issue)).find((c) => c.body?.startsWith(marker));
  if (existing) return { action: 'updated', comment: await api.updateComment(existing.id, body) };
  return { action: 'created', comment: await api.createComment(issue, body) };
}
