/**
 * A pull-request comment holds at most 65,536 characters; the report stays
 * under 60,000 to leave room for whatever a workflow wraps around it.
 */
export const MARKDOWN_LIMIT = 60_000;

export interface FitOptions {
  /** Defaults to MARKDOWN_LIMIT; tests pass a small one. */
  limit?: number;
  /** What a block is, plural: "changes", "entries". */
  noun: string;
  /** Where the reader finds the rest. */
  hint: string;
}

function cutNotice(shown: number, total: number, limit: number, options: FitOptions): string {
  return (
    `> **Detail cut:** ${shown} of ${total} ${options.noun} shown; this report is kept under ` +
    `${limit.toLocaleString('en-US')} characters to fit in one comment. ${options.hint}\n`
  );
}

/**
 * The head (title, summary table) always, then whole blocks while they fit;
 * past the limit, a line that says how much was cut. Blocks are never split,
 * so no `<details>` or code fence is left open.
 */
export function fitMarkdown(head: string, blocks: string[], options: FitOptions): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const full = head + blocks.join('');
  if (full.length <= limit) return full;
  let out = head;
  let shown = 0;
  for (const block of blocks) {
    const notice = cutNotice(shown + 1, blocks.length, limit, options);
    if (out.length + block.length + 1 + notice.length > limit) break;
    out += block;
    shown++;
  }
  return out + '\n' + cutNotice(shown, blocks.length, limit, options);
}
