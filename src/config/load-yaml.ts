import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Document, LineCounter, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { yamlLibrary } from './yaml-library.js';
import type { Diagnostic } from '../errors.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource, type Position, type Target } from './source.js';
import { duplicateKeyMessage, duplicateKeys } from './duplicate-keys.js';
import { countValues, expansionLimit } from './expanded-size.js';
import { fastParse } from './fast-yaml.js';
import { asObject } from './values.js';

/**
 * A parsed YAML document. `doc` keeps a node per value so any path maps back to a
 * line and column; it is built on first use (only a message needs it), from `text`.
 */
export interface YamlSource extends DocSource {
  text: string;
  readonly doc: Document;
}

/** A desired-state file as read from disk: its source when it parsed, and the hash of its bytes. */
export interface LoadedFile {
  source?: YamlSource;
  sha256: string;
  diagnostics: Diagnostic[];
}

function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

function resolveAlias(doc: Document, node: unknown): unknown {
  // An alias stands where it is written, but its children are those of the anchored node.
  return yamlLibrary().isAlias(node) ? node.resolve(doc) : node;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (yamlLibrary().isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

/** Each mapping's pairs by key text, built on its first lookup: a lookup per repository stays linear overall. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const text = yamlLibrary().isPair(item) ? keyText(item) : undefined;
      // The first pair with a key wins, as a linear search would find it.
      if (text !== undefined && !index.has(text)) index.set(text, item);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** The node at `path` (and the pair holding it), or the deepest node found on the way. */
function findNode(doc: Document, path: Path): { node: unknown; pair?: Pair; complete: boolean } {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    const container = resolveAlias(doc, node);
    if (yamlLibrary().isMap(container)) {
      const found = pairOf(container, String(seg));
      if (!found) return { node, pair, complete: false };
      pair = found;
      node = found.value;
    } else if (yamlLibrary().isSeq(container) && typeof seg === 'number' && seg < container.items.length) {
      pair = undefined;
      node = container.items[seg];
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

function isEmptyScalar(node: unknown): boolean {
  return node === null || node === undefined || (yamlLibrary().isScalar(node) && node.value === null && !node.source);
}

/** Where the node at `path` stands: its key for key problems (and for empty values), else its value. */
export function locateInYaml(doc: Document, lineCounter: LineCounter, path: Path, target: Target = 'value'): Position {
  const { node, pair, complete } = findNode(doc, path);
  const useKey = pair !== undefined && complete && (target === 'key' || isEmptyScalar(node));
  const chosen = useKey ? (pair?.key as YamlNode | undefined) : (node as YamlNode | undefined);
  const range = chosen && typeof chosen === 'object' && 'range' in chosen ? chosen.range : undefined;
  if (range) return positionOf(lineCounter, range[0]);
  if (pair && yamlLibrary().isScalar(pair.key) && pair.key.range) return positionOf(lineCounter, pair.key.range[0]);
  return { line: 1, col: 1 };
}

/** True when the node at `path` is a number written without quotes (12-digit ids lose their leading 0). */
export function isUnquotedNumber(src: YamlSource, path: Path): boolean {
  const { node, complete } = findNode(src.doc, path);
  return complete && yamlLibrary().isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'number';
}

/** The text of the node at `path` as written in the file. */
export function sourceText(src: YamlSource, path: Path): string | undefined {
  const { node, complete } = findNode(src.doc, path);
  if (!complete || !yamlLibrary().isScalar(node) || !node.range) return undefined;
  return src.text.slice(node.range[0], node.range[1]);
}

function firstAlias(doc: Document): YamlNode | undefined {
  let found: YamlNode | undefined;
  yamlLibrary().visit(doc, {
    Alias(_, node) {
      found = node;
      return yamlLibrary().visit.BREAK;
    },
  });
  return found;
}

function rewordYamlError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return message; // worded where the key is known (duplicate-keys.ts)
  if (code === 'MULTIPLE_DOCS') return 'a desired-state file holds one YAML document; remove the "---" separator or split the file';
  return `YAML syntax error: ${message}`;
}

/** The `yaml` parse that keeps positions; duplicate keys are found in one pass (see duplicate-keys.ts). */
function parseWithPositions(text: string): { doc: Document; lineCounter: LineCounter; errors: { pos: number; code: string; message: string }[] } {
  const lineCounter = new (yamlLibrary().LineCounter)();
  const doc = yamlLibrary().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const repeated = duplicateKeys(doc);
  const errors = [
    ...doc.errors.map((e) => ({ pos: e.pos[0], code: e.code, message: e.message })),
    ...repeated.map((dup) => ({ pos: dup.key?.range?.[0] ?? 0, code: 'DUPLICATE_KEY', message: duplicateKeyMessage(dup, text, lineCounter, 'mapping') })),
    ...doc.warnings.map((e) => ({ pos: e.pos[0], code: e.code, message: e.message })),
  ];
  return { doc, lineCounter, errors };
}

/**
 * Parses YAML. Syntax errors, duplicate keys and alias bombs become diagnostics;
 * `source` is absent when the document cannot be used at all. The fast parse
 * (fast-yaml.ts) gives the value; the `yaml` parse runs first only when the fast
 * one declines, and otherwise later, on the first position asked for.
 */
export function parseYamlText(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const fast = fastParse(text);
  let parsed = fast ? undefined : parseWithPositions(text);
  const positions = () => (parsed ??= parseWithPositions(text));
  const at = (offset: number) => positionOf(positions().lineCounter, offset);
  const diagnostics: Diagnostic[] = [];
  let value: unknown;
  let count;
  if (fast) {
    ({ value, count } = fast);
  } else {
    const { doc, errors } = positions();
    diagnostics.push(...errors.map((e) => ({ file, ...at(e.pos), path: '', message: rewordYamlError(e.code, e.message) })));
    if (errors.some((e) => e.code === 'DUPLICATE_KEY') || doc.errors.length > 0) return { diagnostics };
    // Aliases share the anchored object; the size they expand to is bounded below.
    value = doc.toJS({ maxAliasCount: -1 });
    count = countValues(value);
  }
  const limit = expansionLimit(count.written);
  if (count.expanded > limit) {
    const alias = firstAlias(positions().doc);
    const { line, col } = alias?.range ? at(alias.range[0]) : { line: 1, col: 1 };
    diagnostics.push({
      file,
      line,
      col,
      path: '',
      message: `refused: aliases expand to too many nodes (${count.expanded} values written out, more than the ${limit} allowed); write the values out or use fewer *aliases`,
    });
    return { diagnostics };
  }
  const source: YamlSource = {
    file,
    text,
    get doc() {
      return positions().doc;
    },
    value,
    locate: (path, target) => locateInYaml(positions().doc, positions().lineCounter, path, target),
  };
  return { source, diagnostics };
}

/** Account ids are 12 digits and may start with 0: a plain number loses that, so it must be quoted. */
function checkQuotedAccountId(src: YamlSource): Diagnostic[] {
  const path = ['registry', 'accountId'];
  // Only a number can have been written unquoted: the positions are parsed only then.
  if (typeof (asObject(asObject(src.value)?.registry)?.accountId) !== 'number') return [];
  if (!isUnquotedNumber(src, path)) return [];
  const written = sourceText(src, path) ?? '';
  const digits = /^[0-9]+$/.test(written) ? written : String((src.value as { registry: { accountId: unknown } }).registry.accountId);
  return [
    diagnosticAt(
      src,
      path,
      `registry.accountId must be a quoted string: write accountId: "${digits}" (account ids are 12 digits and may start with 0, which an unquoted number loses)`,
    ),
  ];
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and parses one desired-state file (the path as the user gave it). */
export async function loadYamlFile(file: string): Promise<LoadedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file does not exist' : `cannot read file (${code ?? String(error)})`;
    return { sha256: '', diagnostics: [{ file, line: 1, col: 1, path: '', message }] };
  }
  const parsed = parseYamlText(file, bytes.toString('utf8'));
  const diagnostics = parsed.source ? [...parsed.diagnostics, ...checkQuotedAccountId(parsed.source)] : parsed.diagnostics;
  return { source: parsed.source, sha256: sha256Hex(bytes), diagnostics };
}
