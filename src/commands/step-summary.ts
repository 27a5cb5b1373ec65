import { appendFile } from 'node:fs/promises';
import type { Io } from './io.js';

/**
 * GitHub Actions shows the file named by GITHUB_STEP_SUMMARY on the run's
 * page: plan and drift append their markdown report there. A failure to
 * write it is a warning, never the command's failure.
 */
export async function appendStepSummary(io: Io, markdown: string): Promise<void> {
  const path = io.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    await appendFile(path, markdown.endsWith('\n') ? markdown : markdown + '\n');
  } catch (err) {
    io.stderr(`warning: could not append to GITHUB_STEP_SUMMARY (${path}): ${(err as Error).message}\n`);
  }
}
