/** How a renderer colours a detail line; the mark alone cannot tell a warning from a blocked delete. */
export type DetailTone = 'add' | 'remove' | 'change' | 'context' | 'hunk' | 'expiry' | 'warning' | 'blocked' | 'note' | 'ref';

/**
 * One line of a change's detail: a one-character mark, how deep it is nested
 * (two spaces a level, after the mark), the text, and its tone.
 *
 * Marks: `+` added, `-` removed, `~` changed, ` ` unchanged or folded,
 * `=` a document said elsewhere (a file, or an earlier repository),
 * `!` needs attention, `·` a plain fact (dim).
 */
export interface DetailLine {
  mark: '+' | '-' | '~' | ' ' | '!' | '@' | '=' | '·';
  text: string;
  tone: DetailTone;
  indent?: number;
}

export const TONE_OF_MARK = { '+': 'add', '-': 'remove', '~': 'change', ' ': 'context' } as const;

export function line(mark: keyof typeof TONE_OF_MARK, text: string, indent = 0): DetailLine {
  return { mark, text, tone: TONE_OF_MARK[mark], indent };
}

/**
 * YAML lines under one mark, `indent` deep. Their own indentation becomes
 * nesting levels (YAML indents by two), so a wrapped line hangs under its
 * text instead of losing the indentation.
 */
export function block(mark: '+' | '-' | ' ', lines: string[], indent: number): DetailLine[] {
  return lines.map((text) => {
    const lead = text.length - text.trimStart().length;
    return line(mark, text.trimStart(), indent + Math.floor(lead / 2));
  });
}

/** "1 rule", "3 statements". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
