import { Box, Static } from 'ink';
import { ColorContext } from './color-context.js';
import { ApplyProgress } from './ApplyProgress.js';
import { ConfirmPrompt } from './ConfirmPrompt.js';
import { LogEntryView } from './LogEntryView.js';
import { ReadProgressLine } from './ReadProgressLine.js';
import { useViewState } from './use-view-state.js';
import type { ViewStore } from './view-store.js';

export interface TerminalViewProps {
  store: ViewStore;
  color: boolean;
  onAnswer: (yes: boolean, note?: string) => void;
}

/**
 * The whole terminal view: the permanent log above (plan, finished steps,
 * answers) and, below it, the one live part of the moment: the read
 * spinner, the y/N prompt, or the running steps.
 */
export function TerminalView({ store, color, onAnswer }: TerminalViewProps) {
  const state = useViewState(store);
  return (
    <ColorContext.Provider value={color}>
      <Static items={state.log}>{(entry, i) => <LogEntryView key={i} entry={entry} />}</Static>
      {!state.closed && (
        <Box flexDirection="column">
          {state.read.active && <ReadProgressLine read={state.read} calls={state.calls} />}
          {state.prompt && <ConfirmPrompt question={state.prompt.question} onAnswer={onAnswer} />}
          {state.apply && <ApplyProgress apply={state.apply} calls={state.calls} />}
        </Box>
      )}
    </ColorContext.Provider>
  );
}
