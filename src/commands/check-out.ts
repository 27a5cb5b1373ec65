import { statSync, type BigIntStats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EcrformError } from '../errors.js';

/** The file's identity (device and inode, through symbolic links), or null when there is none to stat. */
function identity(file: string): BigIntStats | null {
  try {
    // bigint: inode numbers above 2^53 exist (NTFS, some network filesystems) and must not round together.
    return statSync(file, { bigint: true });
  } catch {
    return null;
  }
}

/**
 * `--out` never overwrites a file the run reads (a desired-state or a policy
 * file): `plan --out registry/base.yaml` would destroy the user's own file.
 * "The same file" is the same device and inode, not the same path: a symbolic
 * link or a hard link to the file is the file.
 */
export function checkOutIsNotAnInput(out: string | undefined, inputs: readonly string[]): void {
  if (!out) return;
  const target = identity(out);
  // An --out that does not exist yet is no file the run reads.
  if (!target) return;
  const hit = inputs.find((input) => {
    const id = identity(input);
    return id !== null && id.dev === target.dev && id.ino === target.ino;
  });
  if (hit) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${out} is a file this run reads (${hit}); write the plan to another file, e.g. --out plan.json`);
  }
}

/**
 * Refuses, before any AWS call, an `--out` that cannot be written however the
 * run goes: a directory, or a path whose folder does not exist or is a file.
 * Otherwise the user would learn it only after every registry was read.
 */
export function checkOutCanBeWritten(out: string | undefined, example: string): void {
  if (!out) return;
  const stat = identity(out);
  if (stat?.isDirectory()) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${out} is a directory; give a file in it, e.g. --out ${path.join(out, example)}`);
  }
  if (stat) return;
  const folder = path.dirname(out);
  const parent = identity(folder);
  if (!parent) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${out}: the folder ${folder} does not exist; create it first (mkdir -p ${folder}) or write the file elsewhere`);
  }
  if (!parent.isDirectory()) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${out}: ${folder} is a file, not a folder; write the file elsewhere`);
  }
}

/** Why a file could not be written, in words (the system's own message when it is none of the usual). */
function whyUnwritable(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'its folder does not exist';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'the filesystem is read-only';
  return message;
}

/**
 * Writes the `--out` file. A failure the early check could not foresee
 * (permission denied, a full disk, the folder removed meanwhile) is one line
 * naming the file and the reason, never reported as a bug.
 */
export async function writeOut(out: string, text: string, what: string): Promise<void> {
  try {
    await writeFile(out, text);
  } catch (err) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${out}: cannot write the ${what}: ${whyUnwritable(err)}`);
  }
}
