import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDesired } from '../../src/config/index.js';
import { ConfigError, formatDiagnostic } from '../../src/errors.js';
import type { Desired } from '../../src/model/desired.js';

/** Writes files (name -> text) into a fresh temp folder, creating subfolders; returns the folder. */
export async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ecrform-config-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** Every diagnostic of loading `names` from `dir`, as `file:line:col: message` with file relative to dir. */
export async function diagnose(dir: string, names: string[]): Promise<string[]> {
  try {
    await loadDesired(names.map((n) => path.join(dir, n)));
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Paths relative to the temp folder, in the location and in messages that name a second place.
    return error.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }).split(`${dir}${path.sep}`).join(''));
  }
}

/** Writes one desired-state file (and extra files) and returns its diagnostics. */
export async function diagnoseYaml(text: string, extra: Record<string, string> = {}): Promise<string[]> {
  const dir = await tree({ 'registry.yaml': text, ...extra });
  return diagnose(dir, ['registry.yaml']);
}

/** Loads files that must be valid; fails the test with the diagnostics otherwise. */
export async function load(dir: string, names: string[]): Promise<Desired> {
  try {
    return await loadDesired(names.map((n) => path.join(dir, n)));
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(error.diagnostics.map(formatDiagnostic).join('\n'));
    throw error;
  }
}

export async function loadYaml(text: string, extra: Record<string, string> = {}): Promise<Desired> {
  return load(await tree({ 'registry.yaml': text, ...extra }), ['registry.yaml']);
}

/** The one diagnostic expected: asserts there is exactly one and returns it. */
export function only(lines: string[]): string {
  if (lines.length !== 1) throw new Error(`expected exactly one diagnostic, got ${lines.length}:\n${lines.join('\n')}`);
  return lines[0];
}

/** A lifecycle policy with these rules, as a YAML block under `repositories.app.lifecyclePolicy`. */
export function lifecycleYaml(rulesJson: unknown[]): string {
  return `version: 1\nrepositories:\n  app:\n    lifecyclePolicy: ${JSON.stringify({ rules: rulesJson })}\n`;
}

/** `line:col` (1-based) of the nth occurrence of `needle` in `text`: where a diagnostic should point. */
export function pos(text: string, needle: string, nth = 1): string {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${nth}) is not in the text`);
  }
  const lines = text.slice(0, index).split('\n');
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}
