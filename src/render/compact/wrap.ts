import wrapAnsi from 'wrap-ansi';

/** CI logs and pipes have no width: 80 columns, the width CI systems show. */
export const DEFAULT_WIDTH = 80;

/** Below this many columns for the text itself, wrapping helps nobody: the line overflows instead. */
const MIN_TEXT = 24;

/**
 * `text` wrapped to `width` columns at spaces (a token longer than a line is
 * split, nothing else is), the first line after `first`, the others after
 * `rest`: so a wrapped detail keeps the tree's gutter and hangs under its text.
 */
export function wrapWithGutter(first: string, rest: string, text: string, width: number): string[] {
  const room = Math.max(MIN_TEXT, width - Math.max(first.length, rest.length));
  const lines = wrapAnsi(text, room, { hard: true, trim: true }).split('\n');
  return lines.map((l, i) => (i === 0 ? first : rest) + l);
}
