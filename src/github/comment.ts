import { createHash } from 'node:crypto';
import type { ActionCommand } from './inputs.js';

/** GitHub refuses an issue or pull-request comment longer than this. */
export const COMMENT_LIMIT = 65_536;

/**
 * The hidden marker that finds this action's comment again: one comment per
 * pull request, command and set of files, so two workflows planning
 * different folders of one repository keep a comment each.
 */
export function commentMarker(command: ActionCommand, files: string[]): string {
  const key = createHash('sha256').update([...files].sort().join('\n')).digest('hex').slice(0, 16);
  return `<!-- ecrform-comment command=${command} files=${key} -->`;
}

export interface CommentInput {
  command: ActionCommand;
  files: string[];
  /** ecrform's exit code. */
  code: number;
  /** The markdown report ecrform printed; empty when it failed before printing one. */
  report: string;
  /** ecrform's stderr: the error, when it failed. */
  stderr: string;
  /** The commit and run the comment speaks for, when known. */
  sha?: string;
  runUrl?: string;
}

const FAILED_STDERR_LIMIT = 20_000;

/** stderr as a reader wants it: no workflow commands (they are annotations already), the end if long. */
function errorText(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => !l.startsWith('::'));
  const text = lines.join('\n').trim();
  return text.length > FAILED_STDERR_LIMIT ? '…\n' + text.slice(-FAILED_STDERR_LIMIT) : text;
}

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  return '`'.repeat(longest + 1);
}

function header(input: CommentInput): string {
  const files = input.files.map((f) => `\`${f.replace(/`/g, "'")}\``).join(', ');
  const where = [input.sha ? `commit ${input.sha.slice(0, 7)}` : '', input.runUrl ? `[run](${input.runUrl})` : ''].filter(Boolean).join(' · ');
  return `<sub>ecrform ${input.command} of ${files}${where ? ` · ${where}` : ''} · updated on every run</sub>\n\n`;
}

/**
 * The comment's body: the report, or, when ecrform failed before printing
 * one, a failure that says so and shows the error, so a stale "applies
 * cleanly" from an earlier push never stays on the pull request.
 */
export function commentBody(input: CommentInput): string {
  const marker = commentMarker(input.command, input.files);
  const top = `${marker}\n${header(input)}`;
  if (input.report.trim()) return fitComment(top + input.report);
  const error = errorText(input.stderr) || `ecrform exited ${input.code} without a message`;
  const f = fence(error);
  return fitComment(
    top +
      `### ❌ ecrform ${input.command} failed\n\n` +
      `ecrform exited ${input.code} before it could make a ${input.command === 'drift' ? 'drift report' : 'plan'}, ` +
      'so nothing here says what merging would do. Fix the error below and push again; this comment is updated on every run.\n\n' +
      `${f}text\n${error}\n${f}\n`,
  );
}

/** The last guard: a body past GitHub's limit is cut at a line, any open code fence closed, with a line saying so. */
export function fitComment(body: string, limit = COMMENT_LIMIT): string {
  if (body.length <= limit) return body;
  const notice = '\n> **Cut** to fit GitHub\'s comment limit; the whole report is in the job log and on the run\'s summary page.\n';
  const lines = body.split('\n');
  let out = '';
  for (const line of lines) {
    if (out.length + line.length + 1 + notice.length + 8 > limit) break;
    out += line + '\n';
  }
  const fences = out.match(/^`{3,}/gm) ?? [];
  const open = fences.length % 2 === 1 ? `${fences[fences.length - 1]}\n` : '';
  return out + open + notice;
}
