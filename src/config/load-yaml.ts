import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import type { Diagnostic } from '../errors.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource, type Position, type Target } from './source.js';

/** Aliases expanded past this count are refused: a few anchors can otherwise expand to gigabytes. */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML document that keeps its nodes, so any path maps back to line and column. */
export interface YamlSource extends DocSource {
  text: string;
  doc: Document;
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
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

/** The node at `path` (and the pair holding it), or the deepest node found on the way. */
function findNode(doc: Document, path: Path): { node: unknown; pair?: Pair; complete: boolean } {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    const container = resolveAlias(doc, node);
    if (isMap(container)) {
      const found = container.items.find((item) => isPair(item) && keyText(item) === String(seg));
      if (!found) return { node, pair, complete: false };
      pair = found;
      node = found.value;
    } else if (isSeq(container) && typeof seg === 'number' && seg < container.items.length) {
      pair = undefined;
      node = container.items[seg];
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

function isEmptyScalar(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && !node.source);
}

/** Where the node at `path` stands: its key for key problems (and for empty values), else its value. */
export function locateInYaml(doc: Document, lineCounter: LineCounter, path: Path, target: Target = 'value'): Position {
  const { node, pair, complete } = findNode(doc, path);
  const useKey = pair !== undefined && complete && (target === 'key' || isEmptyScalar(node));
  const chosen = useKey ? (pair?.key as YamlNode | undefined) : (node as YamlNode | undefined);
  const range = chosen && typeof chosen === 'object' && 'range' in chosen ? chosen.range : undefined;
  if (range) return positionOf(lineCounter, range[0]);
  if (pair && isScalar(pair.key) && pair.key.range) return positionOf(lineCounter, pair.key.range[0]);
  return { line: 1, col: 1 };
}

/** True when the node at `path` is a number written without quotes (12-digit ids lose their leading 0). */
export function isUnquotedNumber(src: YamlSource, path: Path): boolean {
  const { node, complete } = findNode(src.doc, path);
  return complete && isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'number';
}

/** The text of the node at `path` as written in the file. */
export function sourceText(src: YamlSource, path: Path): string | undefined {
  const { node, complete } = findNode(src.doc, path);
  if (!complete || !isScalar(node) || !node.range) return undefined;
  return src.text.slice(node.range[0], node.range[1]);
}

function firstAlias(doc: Document): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function rewordYamlError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: this key is already set earlier in the same mapping; keep one';
  if (code === 'MULTIPLE_DOCS') return 'a desired-state file holds one YAML document; remove the "---" separator or split the file';
  return `YAML syntax error: ${message}`;
}

/**
 * Parses YAML keeping positions. Syntax errors, duplicate keys and alias bombs become
 * diagnostics; `source` is absent when the document cannot be used at all.
 */
export function parseYamlText(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, col } = positionOf(lineCounter, e.pos[0]);
    return { file, line, col, path: '', message: rewordYamlError(e.code, e.message) };
  });
  if (doc.errors.length > 0) return { diagnostics };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const alias = firstAlias(doc);
    const { line, col } = alias?.range ? positionOf(lineCounter, alias.range[0]) : { line: 1, col: 1 };
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push({
      file,
      line,
      col,
      path: '',
      message: `refused: aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}; ${reason}); write the values out or use fewer *aliases`,
    });
    return { diagnostics };
  }
  const source: YamlSource = {
    file,
    text,
    doc,
    value,
    locate: (path, target) => locateInYaml(doc, lineCounter, path, target),
  };
  return { source, diagnostics };
}

/** Account ids are 12 digits and may start with 0: a plain number loses that, so it must be quoted. */
function checkQuotedAccountId(src: YamlSource): Diagnostic[] {
  const path = ['registry', 'accountId'];
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
