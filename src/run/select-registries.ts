import { createHash } from 'node:crypto';
import { EcrformError } from '../errors.js';

/** --registry and --shard as given: both empty/absent means every registry. */
export interface Selection {
  /** ACCOUNT/REGION ids (repeatable --registry). */
  registries: string[];
  /** --shard K/N. */
  shard?: { index: number; count: number };
}

/** Parses `K/N` (1 <= K <= N). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^([0-9]+)\/([0-9]+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new EcrformError('INVALID_ARGUMENT', `--shard ${text}: write K/N with 1 <= K <= N, e.g. --shard 1/3`);
  }
  return { index, count };
}

/**
 * The shard (1-based) a registry belongs to: from a hash of its id alone, so
 * adding or removing another registry never moves this one to another shard
 * (a CI matrix keeps each registry's history in the same job).
 */
export function shardOf(id: string, count: number): number {
  return (createHash('sha256').update(id).digest().readUInt32BE(0) % count) + 1;
}

/**
 * The registries a run works on. A --registry that names no registry of the
 * files is an error, never a quiet empty run: a typo in a CI job must not turn it green.
 */
export function selectRegistries<T extends { id: string }>(all: T[], selection: Selection): T[] {
  const unknown = selection.registries.filter((id) => !all.some((r) => r.id === id));
  if (unknown.length) {
    throw new EcrformError(
      'INVALID_ARGUMENT',
      `--registry ${unknown.join(', ')}: no such registry in the files; they name ${all.map((r) => r.id).join(', ') || 'none'} (see ecrform registries)`,
    );
  }
  let chosen = selection.registries.length ? all.filter((r) => selection.registries.includes(r.id)) : all;
  if (selection.shard) {
    const { index, count } = selection.shard;
    chosen = chosen.filter((r) => shardOf(r.id, count) === index);
  }
  return chosen;
}
