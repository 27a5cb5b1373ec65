import { useEffect, useRef, useState } from 'react';
import { Box, Text, useInput, useStdin } from 'ink';
import { useColor } from './color-context.js';
import { Tone } from './Tone.js';

export interface ConfirmPromptProps {
  question: string;
  /** Called once: true only for y or yes; Enter alone, n, Esc and Ctrl+C say no. */
  onAnswer: (yes: boolean, note?: string) => void;
}

/** y or yes, in any case: anything else, Enter alone included, is no. */
const isYes = (answer: string) => /^y(es)?$/i.test(answer.trim());

/** Keys in raw mode; only mounted where stdin can be put in raw mode. */
function PromptInput({ question, onAnswer }: ConfirmPromptProps) {
  // A ref as well as state: keys can arrive faster than React re-renders, and the answer must see them all.
  const buffer = useRef('');
  const [typed, setTyped] = useState('');
  const color = useColor();
  const type = (text: string) => {
    buffer.current = (buffer.current + text).slice(0, 8);
    setTyped(buffer.current);
  };
  useInput((input, key) => {
    if (key.return) return onAnswer(isYes(buffer.current));
    if (key.escape || (key.ctrl && input === 'c')) return onAnswer(false);
    if (key.backspace || key.delete) {
      buffer.current = buffer.current.slice(0, -1);
      return setTyped(buffer.current);
    }
    if (key.ctrl || key.meta || !input) return;
    // A pasted or fast "y\r" comes as one chunk: the text before the line end, then the answer.
    const end = input.search(/[\r\n]/);
    if (end < 0) return type(input);
    type(input.slice(0, end));
    onAnswer(isYes(buffer.current));
  });
  return (
    <Box marginTop={1}>
      <Text>
        <Tone bold>{question}</Tone>
        {typed}
        {color ? <Text inverse> </Text> : null}
      </Text>
    </Box>
  );
}

/** No keys to read (stdin is not a terminal): the answer is no, and the note says why. */
function NoInput({ onAnswer }: ConfirmPromptProps) {
  useEffect(() => onAnswer(false, 'stdin is not a terminal, so nothing can be confirmed; pass --auto-approve'), [onAnswer]);
  return null;
}

/** The y/N question before apply. */
export function ConfirmPrompt(props: ConfirmPromptProps) {
  const { isRawModeSupported } = useStdin();
  return isRawModeSupported ? <PromptInput {...props} /> : <NoInput {...props} />;
}
