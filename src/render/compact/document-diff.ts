import type { Json, JsonObject } from '../../model/json.js';
import { canonicalStringify, isJsonObject } from '../../normalize/canonical-json.js';
import { block, count, line, type DetailLine } from './detail-line.js';
import { fieldDiff } from './field-diff.js';
import { yamlLines } from './yaml-lines.js';

/*
 * An update to a policy as a diff of its statements, and to a lifecycle
 * policy as a diff of its rules: added, removed and changed items, each
 * changed one field by field, the unchanged ones folded into one line.
 */

interface ListSpec {
  key: string;
  noun: string;
  /** Items with the same identity are the same item, changed or not; null: known by content alone. */
  identity: (item: Json) => string | null;
  label: (item: Json) => string;
}

const statementSpec: ListSpec = {
  key: 'Statement',
  noun: 'statement',
  identity: (s) => (isJsonObject(s) && typeof s.Sid === 'string' ? s.Sid : null),
  label: (s) => (isJsonObject(s) && typeof s.Sid === 'string' ? `Statement ${JSON.stringify(s.Sid)}` : 'Statement'),
};

const ruleSpec: ListSpec = {
  key: 'rules',
  noun: 'rule',
  identity: (r) => (isJsonObject(r) && typeof r.rulePriority === 'number' ? String(r.rulePriority) : null),
  label: (r) => {
    if (!isJsonObject(r)) return 'rule';
    const description = typeof r.description === 'string' ? ` ${JSON.stringify(r.description)}` : '';
    return `rule ${String(r.rulePriority)}${description}`;
  },
};

export function listSpecOf(kind: string): ListSpec {
  return kind === 'lifecyclePolicy' ? ruleSpec : statementSpec;
}

const itemsOf = (doc: Json, key: string): Json[] => (isJsonObject(doc) && Array.isArray(doc[key]) ? (doc[key] as Json[]) : []);

function without(doc: Json, key: string): JsonObject {
  if (!isJsonObject(doc)) return {};
  return Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key)) as JsonObject;
}

/** "1 rule", "3 statements": how big a policy or lifecycle policy is. */
export function documentSize(kind: string, doc: Json): string {
  const spec = listSpecOf(kind);
  return count(itemsOf(doc, spec.key).length, spec.noun);
}

/** A block of one whole item: `+ Statement "ci-pull":` and its YAML below. */
function itemBlock(mark: '+' | '-' | ' ', spec: ListSpec, item: Json): DetailLine[] {
  return [line(mark, `${spec.label(item)}:`), ...block(mark, yamlLines(item), 1)];
}

/**
 * The item-level diff of two documents of `kind` (laid out in the user's key
 * order already). With `full`, unchanged items are shown too, unmarked.
 */
export function documentDiff(kind: string, before: Json, after: Json, full: boolean): DetailLine[] {
  const spec = listSpecOf(kind);
  const out = fieldDiff(without(before, spec.key), without(after, spec.key));
  const olds = itemsOf(before, spec.key);
  const matched = new Set<number>();
  const findOld = (item: Json): number => {
    const id = spec.identity(item);
    const text = canonicalStringify(item);
    return olds.findIndex((old, i) => !matched.has(i) && (id !== null ? spec.identity(old) === id : canonicalStringify(old) === text));
  };
  let unchanged = 0;
  const unchangedLines: DetailLine[] = [];
  for (const item of itemsOf(after, spec.key)) {
    const at = findOld(item);
    if (at < 0) {
      out.push(...itemBlock('+', spec, item));
      continue;
    }
    matched.add(at);
    const old = olds[at];
    if (canonicalStringify(old) === canonicalStringify(item)) {
      unchanged++;
      if (full) unchangedLines.push(...itemBlock(' ', spec, item));
    } else if (isJsonObject(old) && isJsonObject(item)) {
      out.push(line('~', `${spec.label(item)}:`), ...fieldDiff(old, item, 1));
    } else {
      out.push(...itemBlock('-', spec, old), ...itemBlock('+', spec, item));
    }
  }
  olds.forEach((old, i) => {
    if (!matched.has(i)) out.push(...itemBlock('-', spec, old));
  });
  if (full) out.push(...unchangedLines);
  else if (unchanged) out.push(line(' ', `… ${count(unchanged, `unchanged ${spec.noun}`)}`));
  return out;
}
