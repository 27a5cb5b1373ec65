import { Box, Text } from 'ink';
import type { Change } from '../../model/plan.js';
import { ACTION_MARK, actionLabel, type DetailLine } from '../change-details.js';
import { ACTION_COLOUR, TONE_COLOUR } from '../palette.js';
import { Tone } from './Tone.js';

export interface ChangeNodeProps {
  change: Change;
  details: DetailLine[];
  /** The last change of its group: its branch closes with └─. */
  last: boolean;
}

/**
 * One detail line: the mark and the nesting in their own column, then the
 * text, which ink wraps at the terminal's width inside its own column: a
 * wrapped line hangs under its text.
 */
function DetailRow({ line }: { line: DetailLine }) {
  const colour = TONE_COLOUR[line.tone];
  const bold = line.tone === 'blocked';
  if (line.tone === 'hunk') return <Tone colour={colour}>{line.text}</Tone>;
  return (
    <Box>
      {/* A fixed width: ink would trim the spaces of a text-only column. */}
      <Box flexShrink={0} width={2 + 2 * (line.indent ?? 0)}>
        <Tone colour={colour} bold={bold}>
          {line.mark}
        </Tone>
      </Box>
      <Text wrap="wrap">
        <Tone colour={colour} bold={bold}>
          {line.text}
        </Tone>
      </Text>
    </Box>
  );
}

/** One change in the plan tree: `├─ ~ address  update`, then its fields, document diff, expiries, warnings. */
export function ChangeNode({ change, details, last }: ChangeNodeProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Text>{last ? '└─ ' : '├─ '}</Text>
        <Text wrap="wrap">
          <Tone colour={ACTION_COLOUR[change.action]} bold>
            {ACTION_MARK[change.action]} {change.address}
          </Tone>
          <Tone colour="gray">{`  ${actionLabel(change)}`}</Tone>
          {change.blocked ? <Tone colour="red" bold>{'  blocked'}</Tone> : null}
        </Text>
      </Box>
      {/* The tree's gutter is a left border: it is drawn on every row, wrapped rows too. */}
      <Box
        flexDirection="column"
        borderStyle="single"
        borderTop={false}
        borderRight={false}
        borderBottom={false}
        borderLeft={!last}
        paddingLeft={last ? 6 : 5}
      >
        {details.map((line, i) => (
          <DetailRow key={i} line={line} />
        ))}
      </Box>
    </Box>
  );
}
