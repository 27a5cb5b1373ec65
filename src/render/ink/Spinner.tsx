import { Tone } from './Tone.js';
import { useSpinner } from './use-spinner.js';

export function Spinner() {
  return <Tone colour="cyan">{useSpinner()}</Tone>;
}
