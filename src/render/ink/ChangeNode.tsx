import { Box, Text } from 'ink';
import type { Change } from '../../model/plan.js';
import { ACTION_MARK, actionLabel, changeDetails, formatDetail } from '../change-details.js';
import { ACTION_COLOUR, TONE_COLOUR } from '../palette.js';
import { Tone } from './Tone.js';

export interface ChangeNodeProps {
  change: Change;
  /** The last change of its group: its branch closes with └─. */
  last: boolean;
}

/** One change in the plan tree: `├─ ~ address  update`, then its attributes, policy diff, expiries, warnings. */
export function ChangeNode({ change, last }: ChangeNodeProps) {
  const details = changeDetails(change);
  const gutter = last ? '      ' : '│     ';
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
      {details.map((line, i) => (
        <Box key={i}>
          <Text>{gutter}</Text>
          <Text wrap="wrap">
            <Tone colour={TONE_COLOUR[line.tone]} bold={line.tone === 'blocked'}>
              {formatDetail(line)}
            </Tone>
          </Text>
        </Box>
      ))}
    </Box>
  );
}
