import { readFile } from 'node:fs/promises';
import type { Plan } from '../model/plan.js';
import type { PlanDocument, RegistryOutcome } from '../model/run.js';
import { EcrformError } from '../errors.js';
import { fromPlanDocument } from '../run/plan-document.js';

/** Why a file could not be read, in words (the system's own message when it is none of the usual). */
function whyUnreadable(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return message;
}

/** Reads a JSON document, or says clearly what the file is not. */
export async function readJsonFile(path: string, what: string, hint: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new EcrformError('INVALID_ARGUMENT', `${path}: cannot read the ${what}: ${whyUnreadable(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EcrformError('INVALID_ARGUMENT', `${path}: not ${what === 'plan file' ? 'a plan file' : `a ${what}`} (not JSON); ${hint}`);
  }
}

export function isPlanDocument(doc: unknown): doc is PlanDocument {
  const d = doc as PlanDocument | undefined;
  return d?.formatVersion === 2 && Array.isArray(d.registries) && Array.isArray(d.changes) && d.registries.every((r) => typeof r?.id === 'string');
}

function isPlanV1(doc: unknown): doc is Plan {
  const d = doc as Plan | undefined;
  return d?.formatVersion === 1 && Array.isArray(d.changes) && Boolean(d.registry?.accountId);
}

/**
 * Reads a plan written by `plan --out`: format version 2 (every registry of
 * the run), or a version 1 plan of one registry written before there were
 * several. Anything else is refused with a clear message.
 */
export async function readPlanFile(path: string): Promise<RegistryOutcome[]> {
  const hint = 'a plan is what ecrform plan --out plan.json writes';
  // A desired-state file given where a plan goes: say how to apply it, never suggest overwriting it.
  if (/\.ya?ml$/i.test(path)) {
    throw new EcrformError('INVALID_ARGUMENT', `${path} is a desired-state file, not a plan; apply it with: ecrform apply -f ${path}`);
  }
  const doc = await readJsonFile(path, 'plan file', hint);
  if (isPlanDocument(doc)) {
    const failed = doc.registries.filter((r) => r.error);
    if (failed.length) throw new EcrformError('PLAN_REFUSED', `${path}: the plan failed for ${failed.map((r) => r.id).join(', ')}; plan again`);
    return fromPlanDocument(doc);
  }
  if (isPlanV1(doc)) {
    const { accountId, region } = doc.registry;
    return [{ registry: { id: `${accountId}/${region}`, accountId, region, roleArn: null, externalId: null }, plan: doc }];
  }
  throw new EcrformError('INVALID_ARGUMENT', `${path}: not an ecrform plan (formatVersion 2); ${hint}`);
}
