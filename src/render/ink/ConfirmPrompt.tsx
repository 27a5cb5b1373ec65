import { useEffect, useState } from 'react';
import { Text, useInput, useStdin } from 'ink';
import { Tone } from './Tone.js';

export interface ConfirmPromptProps {
  question: string;
  /** Called once: true only for y or yes; Enter alone, n, Esc and Ctrl+C say no. */
  onAnswer: (yes: boolean, note?: string) => void;
}

/** Keys in raw mode; only mounted where stdin can be put in raw mode. */
function PromptInput({ question, onAnswer }: ConfirmPromptProps) {
  const [typed, setTyped] = useState('');
  useInput((input, key) => {
    if (key.return) return onAnswer(/^y(es)?$/i.test(typed.trim()));
    if (key.escape || (key.ctrl && input === 'c')) return onAnswer(false);
    if (key.backspace || key.delete) return setTyped((t) => t.slice(0, -1));
    if (!key.ctrl && !key.meta && input) setTyped((t) => (t + input).slice(0, 8));
  });
  return (
    <Text>
      <Tone bold>{question}</Tone>
      {typed}
      <Text inverse> </Text>
    </Text>
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
