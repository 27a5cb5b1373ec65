import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { duplicateKeyMessage, duplicateKeys } from './duplicate-keys.js';
import { fastParse } from './fast-yaml.js';
import { locateInYaml, parseYamlText } from './load-yaml.js';
import { yamlLibrary } from './yaml-library.js';
import type { DocSource, Position } from './source.js';

export type PolicyFileFormat = 'json' | 'yaml';

/** Where a `*File` key points, or why it may not point there. */
export type ResolvedRef = { ok: true; file: string; format: PolicyFileFormat } | { ok: false; message: string };

/**
 * Resolves a policy file path against the YAML file that names it. The path must be
 * relative; whether it stays inside the project once links are resolved is checked
 * by the caller (see project-root.ts), which knows whether the file exists.
 */
export function resolvePolicyRef(referrer: string, ref: string): ResolvedRef {
  if (path.isAbsolute(ref) || path.win32.isAbsolute(ref)) {
    return { ok: false, message: `"${ref}" is an absolute path; write it relative to ${referrer}` };
  }
  const normalized = path.normalize(ref.replace(/\\/g, '/'));
  const ext = path.extname(normalized).toLowerCase();
  const format: PolicyFileFormat | undefined = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  if (!format) {
    return { ok: false, message: `"${ref}" must end in .json (JSON) or .yaml / .yml (YAML)` };
  }
  return { ok: true, file: path.join(path.dirname(referrer), normalized), format };
}

function offsetToPosition(text: string, offset: number): Position {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}

/**
 * Parses a JSON policy file strictly (JSON.parse decides what is JSON), and parses it
 * again as YAML, of which JSON is a subset, only to know where each node stands.
 */
export function parseJsonText(file: string, text: string): { source?: DocSource; diagnostics: Diagnostic[] } {
  let value: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const { line, col } = offsetToPosition(text, at ? Number(at[1]) : text.length);
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    return { diagnostics: [{ file, line, col, path: '', message: `invalid JSON: ${reason}` }] };
  }
  // The positions (and the duplicate-key check) come from the `yaml` library, loaded
  // only when needed: js-yaml refuses duplicate keys too, so a clean fast parse means none.
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  const positions = () => {
    if (!parsed) {
      const { LineCounter: Counter, parseDocument } = yamlLibrary();
      const lineCounter = new Counter();
      parsed = { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
    }
    return parsed;
  };
  const errors = fastParse(text.replace(/^\uFEFF/, '')) ? [] : positions().doc.errors;
  // The library's check found them; duplicateKeys (the same rule) also knows the first of each.
  const duplicates = errors.some((e) => e.code === 'DUPLICATE_KEY') ? duplicateKeys(positions().doc) : [];
  const diagnostics = duplicates.map((dup) => {
    const { lineCounter } = positions();
    const { line, col } = lineCounter.linePos(dup.key?.range?.[0] ?? 0);
    return { file, line, col, path: '', message: duplicateKeyMessage(dup, text, lineCounter, 'object') };
  });
  const usable = errors.length === 0;
  const source: DocSource = {
    file,
    value,
    locate: (p, target) => (usable ? locateInYaml(positions().doc, positions().lineCounter, p, target) : { line: 1, col: 1 }),
  };
  return { source, diagnostics };
}

/** Reads a referenced policy file; a missing file is a diagnostic at the key that names it (made by the caller). */
export async function loadPolicyFile(
  file: string,
  format: PolicyFileFormat,
): Promise<{ source?: DocSource; diagnostics: Diagnostic[]; missing?: boolean }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { diagnostics: [], missing: true };
    return { diagnostics: [{ file, line: 1, col: 1, path: '', message: `cannot read file (${code ?? String(error)})` }] };
  }
  return format === 'json' ? parseJsonText(file, text) : parseYamlText(file, text);
}
