/** How long the calls in flight may take to finish after an interrupt, before ecrform exits anyway. */
export const INTERRUPT_GRACE_MS = 30_000;

/** The exit code of an interrupted run (128 + SIGINT), whatever the signal. */
export const EXIT_INTERRUPTED = 130;

/**
 * SIGINT (Ctrl-C) and SIGTERM (what a CI runner sends when a job is cancelled),
 * as semantics.md "Interrupts" says: while reading or planning, stop at once
 * saying nothing was changed; during apply, start no new step, let the calls in
 * flight finish (at most 30 s), then report; a second signal exits at once with
 * what is known. Exit 130 in every case.
 */
export interface Interrupts {
  /** True once a signal came during apply: apply starts no new step. */
  stopRequested(): boolean;
  /**
   * From here on a signal stops apply instead of exiting. `report` prints what
   * is known (steps in flight shown as interrupted), for an exit before apply ends.
   */
  applying(report: () => void): void;
  /** Apply ended (its own report is printed): back to exiting at once. */
  applied(): void;
  dispose(): void;
}

export interface InterruptHost {
  on(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void): void;
  off(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void): void;
  exit(code: number): never | void;
  stderr(text: string): void;
  setTimeout(fn: () => void, ms: number): { unref?: () => void } | unknown;
  clearTimeout(timer: unknown): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function installInterrupts(host: InterruptHost): Interrupts {
  let report: (() => void) | undefined;
  let stop = false;
  let timer: unknown;
  const exitNow = () => {
    if (timer !== undefined) host.clearTimeout(timer);
    report?.();
    host.exit(EXIT_INTERRUPTED);
  };
  const handler = (signal: NodeJS.Signals) => {
    if (!report) {
      host.stderr(`\n${signal} received while reading the registry or planning: stopped; nothing was changed.\n`);
      host.exit(EXIT_INTERRUPTED);
      return;
    }
    if (stop) {
      host.stderr(`\n${signal} received again: exiting now; steps still in flight are reported as interrupted.\n`);
      exitNow();
      return;
    }
    stop = true;
    host.stderr(
      `\n${signal} received: starting no new step; the calls in flight finish first (at most ${INTERRUPT_GRACE_MS / 1000} s). Send it again to exit at once.\n`,
    );
    timer = host.setTimeout(() => {
      host.stderr(`\nthe calls in flight did not finish within ${INTERRUPT_GRACE_MS / 1000} s: exiting; they are reported as interrupted.\n`);
      exitNow();
    }, INTERRUPT_GRACE_MS);
  };
  for (const s of SIGNALS) host.on(s, handler);
  return {
    stopRequested: () => stop,
    applying: (r) => {
      report = r;
    },
    applied: () => {
      if (timer !== undefined) host.clearTimeout(timer);
      timer = undefined;
      report = undefined;
    },
    dispose: () => {
      if (timer !== undefined) host.clearTimeout(timer);
      for (const s of SIGNALS) host.off(s, handler);
    },
  };
}

/** The real process as the host. */
export function processInterrupts(stderr: (text: string) => void): Interrupts {
  return installInterrupts({
    on: (s, h) => void process.on(s, h),
    off: (s, h) => void process.off(s, h),
    exit: (code) => process.exit(code),
    stderr,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout),
  });
}
