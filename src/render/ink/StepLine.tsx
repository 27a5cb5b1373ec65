import { Box, Text } from 'ink';
import type { StepResult } from '../../apply/step.js';
import { STATUS_COLOUR } from '../palette.js';
import { Spinner } from './Spinner.js';
import { Tone } from './Tone.js';

const WORD = { done: '✓ done', failed: '✗ failed', 'not-started': '- not started' } as const;

/**
 * One apply step: a spinner while it runs, then ✓ or ✗ (with the AWS error
 * code and message below a failure), or "not started" after a failure.
 */
export function StepLine({ step, running = false }: { step: StepResult; running?: boolean }) {
  const calls = step.calls.join(', ');
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        {running ? (
          <>
            <Spinner /> <Tone colour={STATUS_COLOUR.running}>running</Tone>
          </>
        ) : (
          <Tone colour={STATUS_COLOUR[step.status]}>{WORD[step.status]}</Tone>
        )}
        {`  ${step.address}  ${step.action}${calls ? ` (${calls})` : ''}`}
      </Text>
      {step.error ? (
        <Box paddingLeft={4}>
          <Text wrap="wrap">
            <Tone colour="red">{`${step.error.code}: ${step.error.message}`}</Tone>
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
