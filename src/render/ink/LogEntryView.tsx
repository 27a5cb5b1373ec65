import { Box, Text } from 'ink';
import { applySummaryLine } from '../summary.js';
import type { LogEntry } from './view-state.js';
import { PlanTree } from './PlanTree.js';
import { StepLine } from './StepLine.js';
import { Tone } from './Tone.js';

/** One entry of the permanent log: written once, never redrawn. */
export function LogEntryView({ entry }: { entry: LogEntry }) {
  switch (entry.kind) {
    case 'read-done':
      return (
        <Text>
          <Tone colour="green">✓</Tone> Read live state: {entry.repositories} repositor{entry.repositories === 1 ? 'y' : 'ies'}, {entry.calls} API
          call{entry.calls === 1 ? '' : 's'}
        </Text>
      );
    case 'plan':
      return <PlanTree plan={entry.plan} options={entry.options} />;
    case 'text':
      return <Text>{entry.text.replace(/\n$/, '')}</Text>;
    case 'answer':
      return (
        <Box flexDirection="column" marginTop={1}>
          <Text>
            <Tone bold>{entry.question}</Tone>
            {entry.yes ? 'yes' : 'no'}
          </Text>
          {entry.note ? <Tone colour="yellow">{entry.note}</Tone> : null}
        </Box>
      );
    case 'phase':
      return (
        <Box marginTop={1}>
          <Tone bold>{entry.title}</Tone>
        </Box>
      );
    case 'step':
      return <StepLine step={entry.step} ms={entry.ms} />;
    case 'apply-summary':
      return (
        <Box marginTop={1}>
          <Tone colour={entry.result.ok ? 'green' : 'red'} bold>
            {applySummaryLine(entry.result, entry.totalMs)}
          </Tone>
        </Box>
      );
  }
}
