import type { SessionView } from '../render/session-view.js';
import { renderApplyText, renderPlanText } from '../render/text.js';
import type { Io } from './io.js';

/**
 * The view without a terminal: the same content as plain lines, written as
 * each piece is complete, with no cursor movement and no progress spinner.
 * The apply report comes whole at the end, every step with its status.
 */
export function plainView(io: Io, write: (text: string) => void): SessionView {
  const options = { color: io.color };
  return {
    progress: () => {},
    call: () => {},
    plan: (plan) => write(renderPlanText(plan, options)),
    print: write,
    confirm: (question) => io.confirm(question),
    applyEvent: (event) => {
      if (event.type === 'finished') write(renderApplyText(event.result, options));
    },
    close: async () => {},
  };
}
