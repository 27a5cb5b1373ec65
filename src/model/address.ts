/**
 * Addresses name one resource in a plan, as cli.md writes them:
 * repository["team-a/api"].policy, registry.scanning, pullThroughCache["ecr-public"].
 */
export type ParsedAddress =
  | { type: 'repository'; repository: string }
  | { type: 'tags'; repository: string }
  | { type: 'policy'; repository: string }
  | { type: 'lifecyclePolicy'; repository: string }
  | { type: 'image'; repository: string; tag: string }
  | { type: 'registryPolicy' }
  | { type: 'scanning' }
  | { type: 'replication' }
  | { type: 'pullThroughCache'; prefix: string }
  | { type: 'creationTemplate'; prefix: string }
  | { type: 'accountSetting'; name: string }
  | { type: 'signing' }
  | { type: 'pullTimeUpdateExclusion'; principalArn: string };

const q = (s: string): string => JSON.stringify(s);

export const address = {
  repository: (name: string) => `repository[${q(name)}]`,
  tags: (name: string) => `repository[${q(name)}].tags`,
  policy: (name: string) => `repository[${q(name)}].policy`,
  lifecyclePolicy: (name: string) => `repository[${q(name)}].lifecyclePolicy`,
  image: (name: string, tag: string) => `repository[${q(name)}].image[${q(tag)}]`,
  registryPolicy: () => 'registry.policy',
  scanning: () => 'registry.scanning',
  replication: () => 'registry.replication',
  pullThroughCache: (prefix: string) => `pullThroughCache[${q(prefix)}]`,
  creationTemplate: (prefix: string) => `creationTemplate[${q(prefix)}]`,
  accountSetting: (name: string) => `accountSetting[${q(name)}]`,
  signing: () => 'registry.signing',
  pullTimeUpdateExclusion: (principalArn: string) => `registry.pullTimeUpdateExclusion[${q(principalArn)}]`,
};

const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const REPO = new RegExp(`^repository\\[(${QUOTED})\\](?:\\.(tags|policy|lifecyclePolicy)|\\.image\\[(${QUOTED})\\])?$`);
const KEYED = new RegExp(`^(pullThroughCache|creationTemplate|accountSetting)\\[(${QUOTED})\\]$`);
const EXCLUSION = new RegExp(`^registry\\.pullTimeUpdateExclusion\\[(${QUOTED})\\]$`);

/** Parses an address; null when it is not one. */
export function parseAddress(text: string): ParsedAddress | null {
  if (text === 'registry.policy') return { type: 'registryPolicy' };
  if (text === 'registry.scanning') return { type: 'scanning' };
  if (text === 'registry.replication') return { type: 'replication' };
  if (text === 'registry.signing') return { type: 'signing' };
  const exclusion = EXCLUSION.exec(text);
  if (exclusion) return { type: 'pullTimeUpdateExclusion', principalArn: JSON.parse(exclusion[1]) as string };
  const repo = REPO.exec(text);
  if (repo) {
    const repository = JSON.parse(repo[1]) as string;
    if (repo[3]) return { type: 'image', repository, tag: JSON.parse(repo[3]) as string };
    const sub = repo[2] as 'tags' | 'policy' | 'lifecyclePolicy' | undefined;
    return sub ? { type: sub, repository } : { type: 'repository', repository };
  }
  const keyed = KEYED.exec(text);
  if (keyed) {
    const key = JSON.parse(keyed[2]) as string;
    if (keyed[1] === 'accountSetting') return { type: 'accountSetting', name: key };
    return { type: keyed[1] as 'pullThroughCache' | 'creationTemplate', prefix: key };
  }
  return null;
}

const targetPatterns = new Map<string, RegExp>();

/**
 * A --target as a pattern: the address itself, or an address prefix that ends at
 * a segment boundary (`repository["a"]` selects its .tags and .policy too, never
 * `repository["ab"]`); `*` in a quoted name matches any characters of a name
 * (`repository["team-a/*"]`).
 */
function targetPattern(target: string): RegExp {
  let pattern = targetPatterns.get(target);
  if (!pattern) {
    const body = target
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^"]*');
    pattern = new RegExp(`^${body}(?=$|[.[])`);
    targetPatterns.set(target, pattern);
  }
  return pattern;
}

/** True when `addr` is selected by a --target value (see targetPattern). */
export function matchesTarget(addr: string, target: string): boolean {
  return targetPattern(target).test(addr);
}
