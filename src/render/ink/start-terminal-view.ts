import { createElement } from 'react';
import { render } from 'ink';
import type { SessionView } from '../session-view.js';
import { TerminalView } from './TerminalView.js';
import { createViewStore } from './view-store.js';

export interface TerminalViewOptions {
  color: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
}

/**
 * Mounts the ink view and returns it as a SessionView. The command's
 * decisions come in through confirm(); Ctrl+C at the prompt answers no
 * (ink's own Ctrl+C exit would leave the question unanswered forever).
 */
export function startTerminalView(options: TerminalViewOptions): SessionView {
  const store = createViewStore();
  let pending: ((yes: boolean) => void) | null = null;
  const onAnswer = (yes: boolean, note?: string) => {
    if (!pending) return;
    const resolve = pending;
    pending = null;
    store.dispatch({ type: 'confirm-answered', yes, note });
    resolve(yes);
  };
  const instance = render(createElement(TerminalView, { store, color: options.color, onAnswer }), {
    stdout: options.stdout ?? process.stdout,
    stdin: options.stdin ?? process.stdin,
    stderr: options.stderr ?? process.stderr,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let closed = false;
  return {
    progress: (progress) => store.dispatch({ type: 'read-progress', progress }),
    call: (delta) => store.dispatch({ type: 'call', delta }),
    plan: (plan, viewOptions) => store.dispatch({ type: 'plan-ready', plan, options: viewOptions }),
    print: (text) => store.dispatch({ type: 'print', text }),
    // Stamped here, so the view's state stays a pure fold of its events.
    applyEvent: (event, registry) => store.dispatch({ type: 'apply', event, at: Date.now(), registry }),
    confirm: (question) =>
      new Promise<boolean>((resolve) => {
        pending = resolve;
        store.dispatch({ type: 'confirm-asked', question });
      }),
    async close() {
      if (closed) return;
      closed = true;
      store.dispatch({ type: 'closed' });
      // Let ink draw the last frame (the log, no spinner) before it unmounts.
      await new Promise((r) => setTimeout(r, 0));
      instance.unmount();
      await instance.waitUntilExit().catch(() => {});
    },
  };
}
