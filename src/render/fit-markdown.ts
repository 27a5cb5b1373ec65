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
  /** Kept whatever is cut, right under the head's title: applies cleanly, blocked, no changes. */
  verdict?: string;
  /**
   * The head's table folded into counts, for when the head alone is past the
   * limit; it gets the characters it may use. Without it such a head is cut
   * line by line.
   */
  fold?: (budget: number) => string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function cutNotice(shown: number, total: number, limit: number, options: FitOptions): string {
  return (
    `> **Detail cut:** ${shown} of ${total} ${options.noun} shown; this report is kept under ` +
    `${fmt(limit)} characters to fit in one comment. ${options.hint}\n`
  );
}

function foldNotice(total: number, limit: number, options: FitOptions): string {
  return (
    `> **Summary folded:** the ${fmt(total)} ${options.noun} are counted per action and per repository prefix; ` +
    `the table of each one and their detail are left out to keep this report under ${fmt(limit)} characters. ${options.hint}\n`
  );
}

/** The verdict goes under the first heading line, so a report still opens with its title. */
function withVerdict(head: string, verdict: string | undefined): string {
  if (!verdict) return head;
  const match = /^#{1,6} [^\n]*\n\n?/.exec(head);
  if (!match) return verdict + head;
  const title = match[0].endsWith('\n\n') ? match[0] : match[0] + '\n';
  return title + verdict + head.slice(match[0].length);
}

/** The head with its first markdown table (a run of lines starting with `|`) replaced. */
function replaceTable(head: string, table: string): string | undefined {
  const lines = head.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  if (start < 0) return undefined;
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  return [...lines.slice(0, start), table.replace(/\n$/, ''), ...lines.slice(end)].join('\n');
}

/** The last resort: whole lines from the top while they fit, so the limit holds whatever the input. */
function cutLines(text: string, room: number): string {
  if (text.length <= room) return text;
  let out = '';
  for (const line of text.split('\n')) {
    if (out.length + line.length + 1 > room) break;
    out += line + '\n';
  }
  return out;
}

/**
 * The head (title, summary table) always, then whole blocks while they fit;
 * past the limit, a line that says how much was cut. Blocks are never split,
 * so no `<details>` or code fence is left open. When the head alone is past
 * the limit, its table is folded into counts (options.fold) and no block is
 * shown. The verdict is kept in every case.
 */
export function fitMarkdown(head: string, blocks: string[], options: FitOptions): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const top = withVerdict(head, options.verdict);
  const full = top + blocks.join('');
  if (full.length <= limit) return full;

  if (top.length + 1 + cutNotice(0, blocks.length, limit, options).length <= limit) {
    let out = top;
    let shown = 0;
    for (const block of blocks) {
      const notice = cutNotice(shown + 1, blocks.length, limit, options);
      if (out.length + block.length + 1 + notice.length > limit) break;
      out += block;
      shown++;
    }
    return out + '\n' + cutNotice(shown, blocks.length, limit, options);
  }

  const notice = foldNotice(blocks.length, limit, options);
  const withoutTable = replaceTable(top, '');
  if (options.fold && withoutTable !== undefined) {
    const budget = limit - withoutTable.length - notice.length - 2;
    const folded = replaceTable(top, options.fold(budget)) as string;
    if (folded.length + 1 + notice.length <= limit) return folded + '\n' + notice;
  }
  const cut = cutNotice(0, blocks.length, limit, options).replace('**Detail cut:**', '**Summary cut:**');
  return cutLines(top, limit - cut.length - 1) + '\n' + cut;
}
