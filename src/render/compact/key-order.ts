import type { Json, JsonObject } from '../../model/json.js';
import { isJsonObject } from '../../normalize/canonical-json.js';

/**
 * The order a person writes these documents in (the AWS documentation's
 * order): used where the files do not say, e.g. for the live side of a
 * document the files no longer declare, or a plan read back from a file.
 */
const CONVENTIONAL = [
  // IAM policies
  'Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
  // registry settings that come before their rules
  'scanType',
  // lifecycle policies (and the rules of scanning and replication)
  'rules', 'rulePriority', 'description', 'selection', 'tagStatus', 'tagPrefixList', 'tagPatternList', 'storageClass',
  'countType', 'countUnit', 'countNumber', 'action', 'type', 'targetStorageClass',
  // registry settings
  'scanFrequency', 'destinations', 'region', 'registryId', 'repositoryFilters', 'filter', 'filterType',
];
const RANK = new Map(CONVENTIONAL.map((key, i) => [key, i]));

function conventionalRank(key: string): number {
  return RANK.get(key) ?? CONVENTIONAL.length;
}

/** The template item that lays out `item`: same Sid, same rulePriority, else the same place, else the first. */
function templateItem(item: Json, index: number, template: Json[]): Json | undefined {
  if (isJsonObject(item)) {
    for (const key of ['Sid', 'rulePriority']) {
      if (item[key] === undefined) continue;
      const match = template.find((t) => isJsonObject(t) && t[key] === item[key]);
      if (match !== undefined) return match;
    }
  }
  return template[index] ?? template[0];
}

/**
 * `value` (a normalized document, keys sorted) with its keys laid out as in
 * `template` (the document as the user wrote it) at every depth; keys the
 * template lacks follow in the conventional order. Values are not changed:
 * the plan compares normalized documents, and shows them in the user's order.
 */
export function orderLike(value: Json, template?: Json): Json {
  if (Array.isArray(value)) {
    // A Statement written as one object stands for a list of one.
    const items = Array.isArray(template) ? template : template !== undefined ? [template] : [];
    return value.map((item, i) => orderLike(item, templateItem(item, i, items)));
  }
  if (!isJsonObject(value)) return value;
  const written = isJsonObject(template) ? Object.keys(template) : [];
  const place = (key: string) => {
    const at = written.indexOf(key);
    return at >= 0 ? at : written.length + conventionalRank(key);
  };
  const keys = Object.keys(value).sort((a, b) => place(a) - place(b));
  const out: JsonObject = {};
  for (const key of keys) {
    const sub = isJsonObject(template) ? template[key] : undefined;
    Object.defineProperty(out, key, { value: orderLike(value[key], sub), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
