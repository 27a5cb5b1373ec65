import { address, parseAddress } from '../model/address.js';
import type { Change } from '../model/plan.js';

/**
 * One branch of the plan tree: the registry-level settings, or one repository
 * with its sub-resources (.tags, .policy, .lifecyclePolicy, .image[...]).
 */
export interface ChangeGroup {
  /** "registry" for registry-level settings, else "repository". */
  type: 'registry' | 'repository';
  /** The heading a reader sees: `registry settings` or `repository "team-a/api"`. */
  title: string;
  /** Null for the registry group. */
  repository: string | null;
  changes: Change[];
}

/**
 * Groups a plan's changes into a tree, registry settings first, then each
 * repository by name. The plan is already in address order, so the order
 * within each group is kept as it is: renderers stay deterministic.
 */
export function groupChanges(changes: Change[]): ChangeGroup[] {
  const registry: Change[] = [];
  const repositories = new Map<string, Change[]>();
  for (const change of changes) {
    const parsed = parseAddress(change.address);
    if (parsed && 'repository' in parsed) {
      const list = repositories.get(parsed.repository) ?? [];
      list.push(change);
      repositories.set(parsed.repository, list);
    } else {
      registry.push(change);
    }
  }
  const groups: ChangeGroup[] = [];
  if (registry.length) groups.push({ type: 'registry', title: 'registry settings', repository: null, changes: registry });
  for (const [name, list] of repositories) {
    groups.push({ type: 'repository', title: `repository ${JSON.stringify(name)}`, repository: name, changes: list });
  }
  return groups;
}

/**
 * Whether the tree shows the group's title line. A repository whose own
 * change comes first needs none: `+ repository["a"]  create` already names
 * it, so `repository "a"` above it would only say it twice. The registry
 * settings, and a repository whose own settings do not change, keep it.
 */
export function showsTitle(group: ChangeGroup): boolean {
  return group.type === 'registry' || group.repository === null || group.changes[0]?.address !== address.repository(group.repository);
}
