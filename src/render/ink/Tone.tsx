import type { ReactNode } from 'react';
import { Text } from 'ink';
import type { Colour } from '../palette.js';
import { useColor } from './color-context.js';

export interface ToneProps {
  colour?: Colour;
  bold?: boolean;
  children?: ReactNode;
}

/**
 * Text in a colour, or plain when colour is off: every coloured span of the
 * view goes through here, so --no-color and NO_COLOR leave no escape code.
 */
export function Tone({ colour, bold, children }: ToneProps) {
  const enabled = useColor();
  return (
    <Text color={enabled ? colour : undefined} bold={enabled && bold}>
      {children}
    </Text>
  );
}
