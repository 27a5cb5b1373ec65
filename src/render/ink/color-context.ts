import { createContext, useContext } from 'react';

/** Colour allowed: a terminal, no --no-color, no NO_COLOR. Decided once, in cli.ts. */
export const ColorContext = createContext<boolean>(true);

export function useColor(): boolean {
  return useContext(ColorContext);
}
