#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { Command, Help, InvalidArgumentError, Option } from 'commander';
import type { Io, OutputFormat } from './commands/io.js';
import { reportError } from './commands/report-error.js';
import { parseShard } from './run/select-registries.js';
import { TOOL_VERSION } from './version.js';
import { DEFAULT_CONCURRENCY } from './ecr/defaults.js';

/**
 * ink, in CI, draws nothing until it unmounts (a y/N prompt would never show),
 * so a terminal in CI gets plain lines. The same test as ink's own is-in-ci.
 */
function inCi(env: NodeJS.ProcessEnv): boolean {
  if (env.CI === '0' || env.CI === 'false') return false;
  return 'CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((key) => key.startsWith('CI_'));
}

// ecrform supports Node 20 on purpose; the AWS SDK's notice about its own future
// Node 22 requirement would print on every run and tells a user nothing to do.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * The only place that reads argv and the environment, and builds the real Io.
 * ink does not notice a pipe by itself: the terminal view is offered only when
 * stdout is a terminal, and commands fall back to plain lines without it.
 */
function makeIo(colorFlag: boolean): Io {
  // With CI set, a terminal counts as none (README): plain lines, no colour, apply needs --auto-approve.
  const isTTY = Boolean(process.stdout.isTTY) && !inCi(process.env);
  const color = isTTY && colorFlag && !process.env.NO_COLOR;
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY,
    color,
    env: process.env,
    now: () => new Date(),
    columns: (isTTY ? process.stdout.columns : undefined) || Number(process.env.COLUMNS) || undefined,
    // ink and React take over a second to load: only a terminal session pays for them.
    terminalView:
      isTTY
        ? async () => (await import('./render/ink/start-terminal-view.js')).startTerminalView({ color })
        : undefined,
    // Asked on stderr: with --format json or markdown, stdout holds only the document.
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y(es)?$/i.test((await rl.question(question)).trim());
      } finally {
        rl.close();
      }
    },
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number of 0 or more');
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

interface CommonFlags {
  file: string[];
  region?: string;
  profile?: string;
  endpoint?: string;
  concurrency: number;
  format: OutputFormat;
  color: boolean;
  debug: boolean;
  target: string[];
  lifecyclePreview: boolean;
  full: boolean;
  registry: string[];
  shard?: { index: number; count: number };
}

function withAwsOptions(cmd: Command): Command {
  return cmd
    .option('-f, --file <path>', 'a desired-state file or a folder of them (repeatable; default ./registry.yaml)', collect, [])
    .option('--region <region>', 'AWS region (must match registry.region when the files give one)')
    .option('--profile <profile>', 'AWS shared-config profile')
    .option('--endpoint <url>', 'ECR endpoint URL (default: AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL, or AWS)')
    .option('--concurrency <n>', 'API calls in flight at once', positiveInt, DEFAULT_CONCURRENCY)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--no-color', 'no colour (NO_COLOR is respected too)')
    .option('--debug', 'each API call on stderr: operation, target, time, outcome', false);
}

function withPlanOptions(cmd: Command): Command {
  return cmd
    .option('--target <address>', 'only this address or address prefix (repeatable)', collect, [])
    .option('--no-lifecycle-preview', 'skip reading images for the lifecycle preview (no `expires` or `archives`)')
    .option('--full', 'show every document in full: no folded statements, no references to a file or an earlier repository', false)
    .option('--registry <id>', 'only this registry of the files, ACCOUNT/REGION (repeatable)', collect, [])
    .option('--shard <k/n>', 'only the K-th of N shares of the registries (a stable split by registry id), for a CI matrix', parseShardOption);
}

/** `--shard K/N`: a mistyped value is one line and `--help`, like every other option. */
function parseShardOption(value: string): { index: number; count: number } {
  try {
    return parseShard(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message.replace(/^--shard [^:]*: /, ''));
  }
}

/** --registry and --shard, as the run layer takes them. */
const selectionOf = (flags: { registry: string[]; shard?: { index: number; count: number } }) => ({ registries: flags.registry, shard: flags.shard });

function connection(flags: Pick<CommonFlags, 'region' | 'profile' | 'endpoint' | 'concurrency' | 'debug'>) {
  return {
    region: flags.region,
    profile: flags.profile,
    endpoint: flags.endpoint,
    concurrency: flags.concurrency,
    debug: flags.debug,
  };
}

async function run(action: (io: Io) => Promise<number>, flags: { color?: boolean; debug?: boolean }): Promise<void> {
  const io = makeIo(flags.color !== false);
  const { processInterrupts } = await import('./commands/interrupts.js');
  io.interrupts = processInterrupts(io.stderr);
  try {
    process.exitCode = await action(io);
  } catch (err) {
    process.exitCode = reportError(err, io, Boolean(flags.debug));
  } finally {
    io.interrupts.dispose();
  }
}

const program = new Command()
  .name('ecrform')
  .description('A declarative GitOps reconciler for Amazon ECR')
  .version(TOOL_VERSION, '--version')
  .showHelpAfterError('(run: ecrform --help)')
  // A repeatable option starts from an empty list, which is no default to show:
  // "(default: [])" would only repeat, or contradict, what its description says.
  // Set before the commands are added, which copy it.
  .configureHelp({
    optionDescription(option) {
      const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
      return Help.prototype.optionDescription.call(this, empty ? Object.assign(Object.create(option) as Option, { defaultValue: undefined }) : option);
    },
  });

program
  .command('validate')
  .description('check files offline: schema, ECR rules, merge, replication between registries (no AWS call)')
  .option('-f, --file <path>', 'a desired-state file or a folder of them (repeatable; default ./registry.yaml)', collect, [])
  .option('--no-color', 'no colour')
  .action((flags: { file: string[]; color: boolean }) => run(async (io) => (await import('./commands/validate.js')).runValidate(flags.file, io), flags));

withPlanOptions(withAwsOptions(program.command('plan').description('what apply would do, and why')))
  .option('--out <plan>', 'also write the plan as JSON, for apply PLAN')
  .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when none', false)
  .option('--force-delete', 'let the plan delete or replace repositories that hold images, destroying them (recorded in the plan)', false)
  .option('--max-deletes <n>', 'most repository deletes and replaces the plan may hold (default 10; recorded in the plan)', wholeNumber)
  .action((flags: CommonFlags & { out?: string; detailedExitcode: boolean; forceDelete: boolean; maxDeletes?: number }) =>
    run(
      async (io) =>
        (await import('./commands/plan.js')).runPlan(
          {
            ...connection(flags),
            files: flags.file,
            format: flags.format,
            out: flags.out,
            detailedExitcode: flags.detailedExitcode,
            forceDelete: flags.forceDelete,
            maxDeletes: flags.maxDeletes,
            targets: flags.target,
            lifecyclePreview: flags.lifecyclePreview,
            full: flags.full,
            selection: selectionOf(flags),
          },
          io,
        ),
      flags,
    ),
  );

withPlanOptions(withAwsOptions(program.command('apply').description('make the live registry match the files (or a PLAN file)')))
  .argument('[plan]', 'a plan file written by plan --out')
  .option('--auto-approve', 'apply without asking (required without a terminal)', false)
  .option('--force-delete', 'with -f: let the plan delete or replace repositories that hold images (a PLAN file records its own)', false)
  .option('--max-deletes <n>', 'with -f: most repository deletes and replaces (default 10; a PLAN file records its own)', wholeNumber)
  .action((planFile: string | undefined, flags: CommonFlags & { autoApprove: boolean; forceDelete: boolean; maxDeletes?: number }) =>
    run(
      async (io) =>
        (await import('./commands/apply.js')).runApply(
          {
            ...connection(flags),
            files: flags.file,
            planFile,
            format: flags.format,
            autoApprove: flags.autoApprove,
            forceDelete: flags.forceDelete,
            maxDeletes: flags.maxDeletes,
            targets: flags.target,
            lifecyclePreview: flags.lifecyclePreview,
            full: flags.full,
            selection: selectionOf(flags),
          },
          io,
        ),
      flags,
    ),
  );

withPlanOptions(withAwsOptions(program.command('drift').description('plan, reported as drift: exit 0 in sync, 2 drift found, 1 error')))
  .action((flags: CommonFlags) =>
    run(
      async (io) =>
        (await import('./commands/drift.js')).runDrift(
          {
            ...connection(flags),
            files: flags.file,
            format: flags.format,
            targets: flags.target,
            lifecyclePreview: flags.lifecyclePreview,
            full: flags.full,
            selection: selectionOf(flags),
          },
          io,
        ),
      flags,
    ),
  );

program
  .command('registries')
  .description('the registries the files name, with their files (offline)')
  .option('-f, --file <path>', 'a desired-state file or a folder of them (repeatable; default ./registry.yaml)', collect, [])
  .option('--registry <id>', 'only this registry, ACCOUNT/REGION (repeatable)', collect, [])
  .option('--shard <k/n>', 'only the K-th of N shares of the registries (a stable split by registry id)', parseShardOption)
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--no-color', 'no colour')
  .action((flags: { file: string[]; registry: string[]; shard?: { index: number; count: number }; format: 'text' | 'json'; color: boolean }) =>
    run(async (io) => (await import('./commands/registries.js')).runRegistries({ files: flags.file, ...selectionOf(flags), format: flags.format }, io), flags),
  );

program
  .command('report')
  .description('one report from the JSON plans or drift reports that several shards wrote')
  .argument('<files...>', 'files written by plan --format json, plan --out or drift --format json')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
  .option('--detailed-exitcode', 'for plans: exit 2 when there are changes, 0 when none', false)
  .option('--no-color', 'no colour (NO_COLOR is respected too)')
  .action((files: string[], flags: { format: OutputFormat; detailedExitcode: boolean; color: boolean }) =>
    run(async (io) => (await import('./commands/report.js')).runReport({ files, format: flags.format, detailedExitcode: flags.detailedExitcode }, io), flags),
  );

program
  .command('import')
  .description('write the live registry as a desired-state file')
  .option('--prefix <prefix>', 'only repositories whose name starts with this (repeatable)', collect, [])
  .option('--out <file>', 'write the file here instead of stdout (an existing file only with --force)')
  .option('--registry-settings', 'also write the registry-wide settings (policy, scanning, replication, pull-through cache, creation templates, signing, pull-time update exclusions)', false)
  .option('--force', 'let --out overwrite an existing file', false)
  .option('--region <region>', 'AWS region')
  .option('--profile <profile>', 'AWS shared-config profile')
  .option('--endpoint <url>', 'ECR endpoint URL (default: AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL, or AWS)')
  .option('--concurrency <n>', 'API calls in flight at once', positiveInt, DEFAULT_CONCURRENCY)
  .option('--no-color', 'no colour (NO_COLOR is respected too)')
  .option('--debug', 'each API call on stderr: operation, target, time, outcome', false)
  .option('--registry <id>', 'the registry to import, ACCOUNT/REGION (checked against the credentials)')
  .option('--role <arn>', 'with --registry: reach it by assuming this role (written as registry.roleArn)')
  .action((flags: Omit<CommonFlags, 'file' | 'format' | 'target' | 'lifecyclePreview' | 'registry' | 'shard' | 'full'> & { prefix: string[]; out?: string; registrySettings: boolean; force: boolean; registry?: string; role?: string }) =>
    run(
      async (io) =>
        (await import('./commands/import.js')).runImport(
          { ...connection(flags), prefixes: flags.prefix, out: flags.out, registrySettings: flags.registrySettings, force: flags.force, registry: flags.registry, role: flags.role },
          io,
        ),
      flags,
    ),
  );

// A mistyped option or argument: one line saying what is wrong and where the help is, not the whole help.
for (const command of program.commands) command.showHelpAfterError(`(run: ecrform ${command.name()} --help)`);

await program.parseAsync(process.argv);
