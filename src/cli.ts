#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runValidate } from './commands/validate.js';
import { runPlan } from './commands/plan.js';
import { runApply } from './commands/apply.js';
import { runDrift } from './commands/drift.js';
import { startTerminalView } from './render/ink/start-terminal-view.js';
import type { Io, OutputFormat } from './commands/io.js';
import { reportError } from './commands/report-error.js';
import { TOOL_VERSION } from './version.js';

/**
 * The only place that reads argv and the environment, and builds the real Io.
 * ink does not notice a pipe by itself: the terminal view is offered only when
 * stdout is a terminal, and commands fall back to plain lines without it.
 */
function makeIo(colorFlag: boolean): Io {
  const isTTY = Boolean(process.stdout.isTTY);
  const color = isTTY && colorFlag && !process.env.NO_COLOR;
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY,
    color,
    env: process.env,
    now: () => new Date(),
    terminalView: isTTY ? () => startTerminalView({ color }) : undefined,
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
}

function withAwsOptions(cmd: Command): Command {
  return cmd
    .option('-f, --file <path>', 'a desired-state file or a folder of them (repeatable; default ./registry.yaml)', collect, [])
    .option('--region <region>', 'AWS region (must match registry.region when the files give one)')
    .option('--profile <profile>', 'AWS shared-config profile')
    .option('--endpoint <url>', 'ECR endpoint URL (default: AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL, or AWS)')
    .option('--concurrency <n>', 'API calls in flight at once', positiveInt, 8)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--no-color', 'no colour (NO_COLOR is respected too)')
    .option('--debug', 'each API call on stderr: operation, target, time, outcome', false);
}

function withPlanOptions(cmd: Command): Command {
  return cmd
    .option('--target <address>', 'only this address or address prefix (repeatable)', collect, [])
    .option('--no-lifecycle-preview', 'skip reading images for the lifecycle preview (no `expires`)');
}

function connection(flags: CommonFlags) {
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
  try {
    process.exitCode = await action(io);
  } catch (err) {
    process.exitCode = reportError(err, io, Boolean(flags.debug));
  }
}

const program = new Command()
  .name('ecrform')
  .description('A declarative GitOps reconciler for Amazon ECR')
  .version(TOOL_VERSION, '--version')
  .showHelpAfterError();

program
  .command('validate')
  .description('check files offline: schema, ECR rules, merge (no AWS call)')
  .option('-f, --file <path>', 'a desired-state file or a folder of them (repeatable; default ./registry.yaml)', collect, [])
  .option('--no-color', 'no colour')
  .action((flags: { file: string[]; color: boolean }) => run((io) => runValidate(flags.file, io), flags));

withPlanOptions(withAwsOptions(program.command('plan').description('what apply would do, and why')))
  .option('--out <plan>', 'also write the plan as JSON, for apply PLAN')
  .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when none', false)
  .action((flags: CommonFlags & { out?: string; detailedExitcode: boolean }) =>
    run(
      (io) =>
        runPlan(
          {
            ...connection(flags),
            files: flags.file,
            format: flags.format,
            out: flags.out,
            detailedExitcode: flags.detailedExitcode,
            targets: flags.target,
            lifecyclePreview: flags.lifecyclePreview,
          },
          io,
        ),
      flags,
    ),
  );

withPlanOptions(withAwsOptions(program.command('apply').description('make the live registry match the files (or a PLAN file)')))
  .argument('[plan]', 'a plan file written by plan --out')
  .option('--auto-approve', 'apply without asking (required without a terminal)', false)
  .option('--force-delete', 'allow deleting or replacing repositories that hold images', false)
  .action((planFile: string | undefined, flags: CommonFlags & { autoApprove: boolean; forceDelete: boolean }) =>
    run(
      (io) =>
        runApply(
          {
            ...connection(flags),
            files: flags.file,
            planFile,
            format: flags.format,
            autoApprove: flags.autoApprove,
            forceDelete: flags.forceDelete,
            targets: flags.target,
            lifecyclePreview: flags.lifecyclePreview,
          },
          io,
        ),
      flags,
    ),
  );

withPlanOptions(withAwsOptions(program.command('drift').description('plan, reported as drift: exit 0 in sync, 2 drift found, 1 error')))
  .action((flags: CommonFlags) =>
    run(
      (io) =>
        runDrift(
          {
            ...connection(flags),
            files: flags.file,
            format: flags.format,
            targets: flags.target,
            lifecyclePreview: flags.lifecyclePreview,
          },
          io,
        ),
      flags,
    ),
  );

await program.parseAsync(process.argv);
