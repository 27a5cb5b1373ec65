import { loadDesired, resolveInputPaths } from '../config/index.js';
import { apply, checkBlocked } from '../apply/apply.js';
import { staleAddresses } from '../apply/check-stale.js';
import type { ApplyResult } from '../apply/step.js';
import { fetchImages, fetchLive } from '../ecr/fetch-live.js';
import { scopeOfPlan } from '../ecr/read-scope.js';
import { parseAddress } from '../model/address.js';
import type { Plan } from '../model/plan.js';
import { EcrformError } from '../errors.js';
import { buildPlan } from '../workflow/build-plan.js';
import { hasChanges } from '../render/summary.js';
import { renderApplyText } from '../render/text.js';
import { connect, type Connection, type ConnectionOptions } from './connect.js';
import { readPlanFile } from './read-plan-file.js';
import { renderPlan } from './render-plan.js';
import type { Io, OutputFormat } from './io.js';
import { TOOL_VERSION } from '../version.js';

export interface ApplyCommandOptions extends ConnectionOptions {
  files: string[];
  planFile?: string;
  format: OutputFormat;
  autoApprove: boolean;
  forceDelete: boolean;
  targets: string[];
  lifecyclePreview: boolean;
}

async function planFromFiles(options: ApplyCommandOptions, io: Io): Promise<{ plan: Plan; connection: Connection }> {
  const desired = await loadDesired(await resolveInputPaths(options.files));
  const connection = await connect(options, desired.registry.region, (l) => io.stderr(l + '\n'));
  const now = io.now();
  const { plan } = await buildPlan(connection.port, desired, {
    region: connection.region,
    now,
    createdAt: now.toISOString(),
    toolVersion: TOOL_VERSION,
    lifecyclePreview: options.lifecyclePreview,
    targets: options.targets,
  });
  return { plan, connection };
}

/** `apply PLAN`: the registry must be the plan's and nothing it touches may have moved since. */
async function planFromFile(path: string, options: ApplyCommandOptions, io: Io): Promise<{ plan: Plan; connection: Connection }> {
  const plan = await readPlanFile(path);
  const connection = await connect(options, plan.registry.region, (l) => io.stderr(l + '\n'));
  let live = await fetchLive(connection.port, scopeOfPlan(plan), { region: connection.region });
  if (live.registryId !== plan.registry.accountId) {
    throw new EcrformError('ACCOUNT_MISMATCH', `the plan is for account ${plan.registry.accountId}, but the credentials reach ${live.registryId}`);
  }
  const withPins = plan.changes.flatMap((c) => {
    const parsed = parseAddress(c.address);
    return parsed?.type === 'image' ? [parsed.repository] : [];
  });
  if (withPins.length) live = await fetchImages(connection.port, live, [...new Set(withPins)]);
  const stale = staleAddresses(plan, live);
  if (stale.length) {
    throw new EcrformError(
      'STALE_PLAN',
      `refusing the whole plan: the live state moved since it was made at\n${stale.map((a) => `  ${a}`).join('\n')}\nrun ecrform plan again`,
    );
  }
  return { plan, connection };
}

/** `ecrform apply`: exit 0 when all is done; 1 on error, refusal or a partial apply. */
export async function runApply(options: ApplyCommandOptions, io: Io): Promise<number> {
  if (options.planFile && options.files.length) {
    throw new EcrformError('INVALID_ARGUMENT', 'give either -f files or a PLAN file, not both');
  }
  const { plan, connection } = options.planFile
    ? await planFromFile(options.planFile, options, io)
    : await planFromFiles(options, io);
  const text = options.format === 'text';
  const say = (s: string) => (text ? io.stdout(s) : io.stderr(s));
  say(renderPlan(plan, 'text', io));
  if (!hasChanges(plan.summary)) {
    if (!text) io.stdout(JSON.stringify({ ok: true, steps: [] }, null, 2) + '\n');
    return 0;
  }
  checkBlocked(plan, options.forceDelete);
  if (!options.autoApprove) {
    if (!io.isTTY) {
      throw new EcrformError('PLAN_REFUSED', 'not a terminal: nothing to confirm with; pass --auto-approve to apply without asking');
    }
    if (!(await io.confirm('Apply these changes? [y/N] '))) {
      io.stdout('Apply cancelled; nothing was changed.\n');
      return 1;
    }
  }
  const result: ApplyResult = await apply(plan, connection.port, {
    forceDelete: options.forceDelete,
    concurrency: options.concurrency,
  });
  if (options.format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
  else say(renderApplyText(result, { color: io.color }));
  return result.ok ? 0 : 1;
}
