import type { Desired, ReplicationRule } from '../model/desired.js';
import type { JsonObject } from '../model/json.js';
import type { Live } from '../model/live.js';

/** One registry of a run as the cross-registry checks see it: its id once read, its files, its live state. */
export interface RunRegistry {
  id: string;
  accountId: string;
  region: string;
  desired: Desired;
  live?: Live;
}

/** A problem between registries, under the registry it concerns (the replication's source). */
export interface CrossFinding {
  registry: string;
  /** The replication's destination registry: a run that holds it but not the source reports the finding there. */
  destination: string;
  level: 'error' | 'warning';
  /** "FILE:LINE:COL: what is wrong and what to change". */
  message: string;
  /** Where the rule is, and the message without it: a GitHub annotation places one by the other. */
  at?: { file: string; line: number; col: number };
  text: string;
}

const REPLICATION_ACTIONS = ['ecr:ReplicateImage', 'ecr:CreateRepository'];

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** IAM matches action names case-insensitively, with `*` and `?` wildcards. */
function matchesAction(pattern: unknown, action: string): boolean {
  if (typeof pattern !== 'string') return false;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/** The source account as a principal: `*`, its id, or its root ARN in any partition. */
function matchesAccount(principal: unknown, account: string): boolean {
  if (principal === '*') return true;
  const aws = asList((principal as { AWS?: unknown } | undefined)?.AWS);
  return aws.some((p) => p === '*' || p === account || (typeof p === 'string' && new RegExp(`^arn:aws[a-z-]*:iam::${account}:root$`).test(p)));
}

/** Whether a registry policy lets `account` do `action` (an Allow that matches and no Deny that matches; conditions are not evaluated). */
export function policyAllows(policy: JsonObject | null, account: string, action: string): boolean {
  if (!policy) return false;
  const statements = asList(policy.Statement) as Array<Record<string, unknown>>;
  const matches = (s: Record<string, unknown>) => matchesAccount(s.Principal, account) && asList(s.Action).some((a) => matchesAction(a, action));
  return statements.some((s) => s.Effect === 'Allow' && matches(s)) && !statements.some((s) => s.Effect === 'Deny' && matches(s));
}

const at = (rule: ReplicationRule) => (rule.source ? `${rule.source.file}:${rule.source.line}:${rule.source.col}: ` : '');

/** Names a template with this prefix applies to (ROOT: all). */
const templateCovers = (prefix: string, name: string) => prefix === 'ROOT' || name.startsWith(prefix);

/** The destination's registry policy as the run knows it: its files' when they manage it, else what was read. */
function destinationPolicy(dest: RunRegistry): JsonObject | null | undefined {
  if (dest.desired.registry.policy !== undefined) return dest.desired.registry.policy;
  return dest.live?.registry.policy;
}

function replicationTemplates(dest: RunRegistry): string[] {
  const templates = dest.desired.registry.creationTemplates ?? dest.live?.registry.creationTemplates ?? {};
  return Object.entries(templates)
    .filter(([, t]) => t.appliedFor.includes('REPLICATION'))
    .map(([prefix]) => prefix);
}

/**
 * semantics.md "Several registries": each replication rule whose destination
 * is a registry of the same run is checked against it. Across accounts, the
 * destination's registry policy must allow the source account
 * ecr:ReplicateImage and ecr:CreateRepository (an error at the rule's line,
 * else replication silently fails); and the destination should have a
 * REPLICATION creation template, or declare the repositories, for the names
 * the rule replicates (a warning: ECR would create them with its defaults).
 * Pure: the run's registries in, findings out.
 */
export function checkReplication(registries: RunRegistry[]): CrossFinding[] {
  const byId = new Map(registries.map((r) => [r.id, r]));
  const findings: CrossFinding[] = [];
  for (const source of registries) {
    for (const rule of source.desired.registry.replication?.rules ?? []) {
      const replicated = Object.keys(source.desired.repositories).filter(
        (name) => rule.repositoryFilters.length === 0 || rule.repositoryFilters.some((f) => name.startsWith(f)),
      );
      for (const d of rule.destinations) {
        const dest = byId.get(`${d.registryId ?? source.accountId}/${d.region}`);
        if (!dest || dest === source) continue;
        const say = (level: CrossFinding['level'], text: string) =>
          findings.push({ registry: source.id, destination: dest.id, level, message: `${at(rule)}${text}`, text, ...(rule.source ? { at: rule.source } : {}) });
        if (dest.accountId !== source.accountId) {
          const policy = destinationPolicy(dest);
          if (policy === undefined) {
            say('warning', `replication to ${dest.id} is not checked: its files do not manage registry.policy, which must allow account ${source.accountId} ${REPLICATION_ACTIONS.join(' and ')}`);
          } else {
            const missing = REPLICATION_ACTIONS.filter((action) => !policyAllows(policy, source.accountId, action));
            if (missing.length) {
              say('error', `replication to ${dest.id}: its registry policy does not allow account ${source.accountId} ${missing.join(' and ')}; add a statement to ${dest.id}'s registry.policy allowing them, or remove this destination`);
            }
          }
        }
        const templates = replicationTemplates(dest);
        const uncovered = replicated.filter((name) => !(name in dest.desired.repositories) && !templates.some((p) => templateCovers(p, name)));
        if (uncovered.length) {
          const shown = uncovered.slice(0, 5).join(', ') + (uncovered.length > 5 ? `, and ${uncovered.length - 5} more` : '');
          say('warning', `replication to ${dest.id}: no REPLICATION creation template and no declared repository there for ${shown}; ECR would create them with its defaults (add a creationTemplate with appliedFor: [REPLICATION], or declare them in ${dest.id}'s files)`);
        }
      }
    }
  }
  return findings;
}
