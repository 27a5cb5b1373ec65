import type { Colour } from './palette.js';

const ANSI: Record<Colour | 'bold', number> = { green: 32, red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1 };

export type Paint = (colour: Colour | 'bold' | undefined, text: string) => string;

/** ANSI colour for plain text, or the identity: without colour, no escape code is written at all. */
export function painter(enabled: boolean): Paint {
  return (colour, text) => (enabled && colour ? `\u001b[${ANSI[colour]}m${text}\u001b[0m` : text);
}
