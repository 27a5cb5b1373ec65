import { Text } from 'ink';
import type { ReadState, ViewState } from './view-state.js';
import { Spinner } from './Spinner.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "registry ✓ · 12/40 repositories · images of 1/3 repositories": what has been read so far. */
export function describeRead(read: ReadState): string {
  const parts: string[] = [];
  const { registry, repositories, images } = read.stages;
  if (registry) parts.push(registry.done >= registry.total ? 'registry ✓' : 'registry');
  if (repositories) parts.push(`${repositories.done}/${repositories.total} repositories`);
  if (images) parts.push(`images of ${images.done}/${images.total} repositories`);
  return parts.length ? parts.join(' · ') : 'connecting';
}

export interface ReadProgressLineProps {
  read: ReadState;
  calls: ViewState['calls'];
}

/** The spinner line while live state is read: what is read, calls in flight, calls made. */
export function ReadProgressLine({ read, calls }: ReadProgressLineProps) {
  return (
    <Text>
      <Spinner /> Reading live state: {describeRead(read)} · {plural(calls.inFlight, 'call', 'calls')} in flight, {calls.made} made
    </Text>
  );
}
