import type { SessionView } from '../render/session-view.js';
import type { Interrupts } from './interrupts.js';

/** What a command may touch of the outside world; cli.ts builds it from process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal. */
  isTTY: boolean;
  /** Colour allowed: a terminal, no --no-color, no NO_COLOR. */
  color: boolean;
  env: Record<string, string | undefined>;
  /** Asks a yes/no question on the terminal; resolves true only for yes. */
  confirm: (question: string) => Promise<boolean>;
  now: () => Date;
  /** Columns to wrap plain text at: the terminal's width, else COLUMNS, else 80 (as in CI). */
  columns?: number;
  /**
   * Mounts the interactive (ink) view. Present exactly when stdout is a
   * terminal: ink does not notice a pipe by itself, so cli.ts decides.
   */
  terminalView?: () => Promise<SessionView>;
  /** SIGINT / SIGTERM handling; absent in tests that drive commands directly. */
  interrupts?: Interrupts;
}

export type OutputFormat = 'text' | 'markdown' | 'json';
