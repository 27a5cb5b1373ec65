import { Box, Text } from 'ink';
import type { StepResult } from '../../apply/step.js';
import { STATUS_COLOUR } from '../palette.js';
import { stepWords } from '../apply-words.js';
import { Spinner } from './Spinner.js';
import { Tone } from './Tone.js';

/**
 * One apply step: a spinner while it runs, then ✓ or ✗ (with the AWS error
 * code and message below a failure), or "not started" after a failure.
 */
export function StepLine({ step, running = false, ms }: { step: StepResult; running?: boolean; ms?: number }) {
  const { status, rest } = stepWords(step, ms);
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        {running ? (
          <>
            <Spinner /> <Tone colour={STATUS_COLOUR.running}>running</Tone>
          </>
        ) : (
          <Tone colour={STATUS_COLOUR[step.status]}>{status}</Tone>
        )}
        {rest}
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
