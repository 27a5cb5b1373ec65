import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** tmux is what gives the CLI a real pseudo-terminal here; without it the e2e tests skip. */
export const HAS_TMUX = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;

export interface Pane {
  /** The whole screen, scrollback included, as text (colours stripped by tmux). */
  screen(): Promise<string>;
  /** Waits until the screen matches, or fails with the screen in the message. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Keys as tmux send-keys names them: "y", "Enter". */
  keys(...keys: string[]): Promise<void>;
  close(): Promise<void>;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs a command in a detached tmux session on its own server socket (so it
 * never touches a user's tmux), in a pane of a fixed size. The command's exit
 * code is printed as `EXIT=<code>` and the pane stays open to be read.
 */
export async function openPane(command: string[], options: { cwd: string; env: Record<string, string>; width?: number; height?: number }): Promise<Pane> {
  const socket = `ecrform-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, '-f', '/dev/null', ...args]);
  // env -i: the CLI sees only what a user's shell would give it here; CI=... from the test runner would switch ink to CI mode.
  const envArgs = Object.entries(options.env).map(([k, v]) => quote(`${k}=${v}`));
  const shell = `cd ${quote(options.cwd)} && env -i ${envArgs.join(' ')} ${command.map(quote).join(' ')}; echo EXIT=$?; sleep 600`;
  await tmux('new-session', '-d', '-s', 'e2e', '-x', String(options.width ?? 110), '-y', String(options.height ?? 45), shell);
  await tmux('set-option', '-t', 'e2e', 'history-limit', '5000');
  const screen = async () => (await tmux('capture-pane', '-p', '-J', '-t', 'e2e', '-S', '-5000')).stdout;
  return {
    screen,
    async waitFor(pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = await screen();
        if (pattern.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`the screen never showed ${pattern}; it shows:\n${text}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async keys(...keys) {
      await tmux('send-keys', '-t', 'e2e', ...keys);
    },
    async close() {
      await tmux('kill-server').catch(() => {});
    },
  };
}
