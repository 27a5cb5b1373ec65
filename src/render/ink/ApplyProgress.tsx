import { Box } from 'ink';
import type { ApplyState } from './apply-state.js';
import type { ViewState } from './view-state.js';
import { StepLine } from './StepLine.js';
import { phaseTitle } from '../apply-words.js';
import { Tone } from './Tone.js';

/** The live part of an apply: the steps running now, each with a spinner, and a count line. */
export function ApplyProgress({ apply, calls }: { apply: ApplyState; calls: ViewState['calls'] }) {
  if (apply.result) return null;
  const failed = apply.finished.filter((s) => s.status === 'failed').length;
  return (
    <Box flexDirection="column">
      {apply.running.map((step) => (
        <StepLine key={`${step.phase} ${step.address}`} step={step} running />
      ))}
      <Tone colour="gray">
        {`${apply.phase ? phaseTitle(apply.phase) : 'Applying'} · ${apply.finished.length - failed} done, ${failed} failed, ${apply.running.length} running · ${calls.inFlight} calls in flight`}
      </Tone>
    </Box>
  );
}
