import type { SessionView } from '../render/session-view.js';
import type { Io, OutputFormat } from './io.js';
import { plainView } from './plain-view.js';

/**
 * Picks the renderer: the ink view for text on a terminal, plain lines
 * otherwise. With --debug, plain lines too: one stderr line per API call
 * would tear through ink's redrawn frame. For json and markdown the human
 * view goes to stderr; stdout holds the one document.
 */
export async function openView(io: Io, format: OutputFormat, debug: boolean): Promise<SessionView> {
  if (format === 'text' && io.terminalView && !debug) return io.terminalView();
  return plainView(io, format === 'text' ? io.stdout : io.stderr);
}

