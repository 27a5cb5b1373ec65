import type { Json, JsonObject } from '../../model/json.js';
import { canonicalStringify, isJsonObject } from '../../normalize/canonical-json.js';
import { block, line, type DetailLine } from './detail-line.js';
import { yamlInline, yamlLines } from './yaml-lines.js';

/*
 * Nested values as indented fields, the way `terraform plan` and
 * `pulumi preview --diff` show them: `~ encryption.type: AES256 -> KMS`,
 * each tag on its own line, rules as small YAML blocks with + - ~ per field.
 */

/** A one-line value this long or shorter stays on its key's line. */
const INLINE_MAX = 60;

const same = (a: Json | undefined, b: Json | undefined) =>
  a !== undefined && b !== undefined && canonicalStringify(a) === canonicalStringify(b);
const isScalar = (v: Json | undefined) => v === null || typeof v !== 'object';
const scalarList = (v: Json | undefined): v is Json[] => Array.isArray(v) && v.every(isScalar);
const empty = (v: Json | undefined) => (Array.isArray(v) && v.length === 0) || (isJsonObject(v) && Object.keys(v).length === 0);

/** `{a: {b: x}}` reads as `a.b: x`: an object of one key is a dotted path, not a block. */
function dotted(key: string, value: Json): [string, Json] {
  let path = key;
  let v = value;
  while (isJsonObject(v) && Object.keys(v).length === 1) {
    const [k] = Object.keys(v);
    path = `${path}.${k}`;
    v = v[k];
  }
  return [path, v];
}

/** Tags read as `team = "a"`: a key and a quoted value, one per line. */
export function tagLine(mark: '+' | '-' | ' ', key: string, value: Json, indent: number): DetailLine {
  return line(mark, `${key} = ${JSON.stringify(value)}`, indent);
}

/** The lines of a whole value under `key`, added or removed: `+ key: value`, or `+ key:` and a block. */
export function fieldLines(mark: '+' | '-' | ' ', key: string, value: Json, indent = 0): DetailLine[] {
  if (key === 'tags' && isJsonObject(value)) {
    return [line(mark, 'tags:', indent), ...Object.entries(value).map(([k, v]) => tagLine(mark, k, v, indent + 1))];
  }
  const [path, v] = dotted(key, value);
  const inline = yamlInline(v);
  const flat = isScalar(v) || scalarList(v) || (isJsonObject(v) && Object.values(v).every(isScalar));
  if (isScalar(v) || (flat && inline.length <= INLINE_MAX)) return [line(mark, `${path}: ${inline}`, indent)];
  return [line(mark, `${path}:`, indent), ...block(mark, yamlLines(v), indent + 1)];
}

/** Every field of a document, as a create or a delete shows it; empty lists say nothing and are left out. */
export function documentFields(mark: '+' | '-', doc: Json): DetailLine[] {
  if (!isJsonObject(doc)) return [line(mark, yamlInline(doc))];
  return Object.entries(doc)
    .filter(([, v]) => !empty(v))
    .flatMap(([k, v]) => fieldLines(mark, k, v));
}

/** A list of scalars that changed: short ones as `old -> new`, long ones element by element. */
function scalarListDiff(key: string, before: Json[], after: Json[], indent: number): DetailLine[] {
  const text = `${key}: ${yamlInline(before)} -> ${yamlInline(after)}`;
  if (text.length <= INLINE_MAX + key.length) return [line('~', text, indent)];
  const had = new Set(before.map((v) => canonicalStringify(v)));
  const has = new Set(after.map((v) => canonicalStringify(v)));
  const out = [line('~', `${key}:`, indent)];
  for (const v of after) if (!had.has(canonicalStringify(v))) out.push(line('+', `- ${yamlInline(v)}`, indent + 1));
  for (const v of before) if (!has.has(canonicalStringify(v))) out.push(line('-', `- ${yamlInline(v)}`, indent + 1));
  const kept = after.filter((v) => had.has(canonicalStringify(v))).length;
  if (kept) out.push(line(' ', `… ${kept} unchanged`, indent + 1));
  return out;
}

/** Lists of objects (rules, destinations) compared place by place. */
function objectListDiff(key: string, before: Json[], after: Json[], indent: number): DetailLine[] {
  const out: DetailLine[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const label = `${key}[${i}]`;
    if (i >= before.length) out.push(line('+', `${label}:`, indent), ...block('+', yamlLines(after[i]), indent + 1));
    else if (i >= after.length) out.push(line('-', `${label}:`, indent), ...block('-', yamlLines(before[i]), indent + 1));
    else out.push(...valueDiff(label, before[i], after[i], indent));
  }
  return out;
}

/** One key whose value differs on the two sides. */
function valueDiff(key: string, before: Json | undefined, after: Json | undefined, indent: number): DetailLine[] {
  if (same(before, after)) return [];
  if (before === undefined || empty(before)) return after === undefined || empty(after) ? [] : fieldLines('+', key, after, indent);
  if (after === undefined || empty(after)) return fieldLines('-', key, before, indent);
  if (key === 'tags' && isJsonObject(before) && isJsonObject(after)) return [line('~', 'tags:', indent), ...tagDiff(before, after, indent + 1)];
  if (isJsonObject(before) && isJsonObject(after)) {
    const inner = fieldDiff(before, after, indent + 1);
    // One changed field inside reads as a dotted path: `~ encryption.type: AES256 -> KMS`, `~ Principal.AWS:`.
    const top = inner.filter((l) => l.indent === indent + 1);
    if (top.length === 1 && inner[0] === top[0] && !inner[0].text.startsWith('tags:')) {
      return inner.map((l, i) => ({ ...l, indent: (l.indent ?? 0) - 1, text: i === 0 ? `${key}.${l.text}` : l.text }));
    }
    return [line('~', `${key}:`, indent), ...inner];
  }
  if (scalarList(before) && scalarList(after)) return scalarListDiff(key, before, after, indent);
  if (Array.isArray(before) && Array.isArray(after)) return objectListDiff(key, before, after, indent);
  return [line('~', `${key}: ${yamlInline(before)} -> ${yamlInline(after)}`, indent)];
}

/** The fields that differ between two objects, in the after side's key order, then removed keys. */
export function fieldDiff(before: JsonObject, after: JsonObject, indent = 0): DetailLine[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  return keys.flatMap((key) => valueDiff(key, before[key], after[key], indent));
}

/** Tags added, removed and changed, each on its own line: `+ team = "a"`, `~ team = "a" -> "b"`. */
export function tagDiff(before: JsonObject, after: JsonObject, indent = 0): DetailLine[] {
  const out: DetailLine[] = [];
  for (const [k, v] of Object.entries(after)) {
    if (!(k in before)) out.push(tagLine('+', k, v, indent));
    else if (before[k] !== v) out.push(line('~', `${k} = ${JSON.stringify(before[k])} -> ${JSON.stringify(v)}`, indent));
  }
  for (const [k, v] of Object.entries(before)) if (!(k in after)) out.push(tagLine('-', k, v, indent));
  return out;
}
