import { parseAddress, type ParsedAddress } from '../model/address.js';

/** Registry-wide settings first (in the order a reader meets them in the file), then repositories by name. */
const RANK: Record<ParsedAddress['type'], number> = {
  accountSetting: 0,
  registryPolicy: 1,
  scanning: 2,
  replication: 3,
  pullThroughCache: 4,
  creationTemplate: 5,
  signing: 6,
  pullTimeUpdateExclusion: 7,
  repository: 10,
  tags: 11,
  policy: 12,
  lifecyclePolicy: 13,
  image: 14,
};

function sortKey(addr: string): [number, string, number, string] {
  const parsed = parseAddress(addr);
  if (!parsed) return [99, addr, 0, ''];
  if ('repository' in parsed) return [10, parsed.repository, RANK[parsed.type], 'tag' in parsed ? parsed.tag : ''];
  const key = 'prefix' in parsed ? parsed.prefix : 'name' in parsed ? parsed.name : 'principalArn' in parsed ? parsed.principalArn : '';
  return [RANK[parsed.type], key, 0, ''];
}

/** A stable order of addresses for plans and reports: the same input always prints the same way. */
export function compareAddresses(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}
