import type { ApplyEvent } from '../apply/step.js';
import type { SessionView } from '../render/session-view.js';
import { eventInRegistry } from '../render/registry-steps.js';
import { phaseTitle } from '../render/apply-words.js';
import { painter } from '../render/paint.js';
import { createStepTimer } from '../render/step-timer.js';
import { applySummaryLine } from '../render/summary.js';
import { renderPlanText, renderStepLines } from '../render/text.js';
import type { Io } from './io.js';

/**
 * The view without a terminal: the same content as plain lines, written as
 * each piece is complete, with no cursor movement and no progress spinner.
 * During apply, each phase's title as it starts and each step's line (with
 * its duration) as it ends, so a CI log shows progress as it happens; at the
 * end, the steps that never started and the outcome with the total time.
 */
export function plainView(io: Io, write: (text: string) => void, now: () => number = Date.now): SessionView {
  const options = { color: io.color, width: io.columns };
  const paint = painter(io.color);
  const timer = createStepTimer(now);
  /**
   * Several registries applying at once: each phase title and step line as it
   * happens names its registry, and a registry's end is one line; the report
   * of every registry follows when all have ended.
   */
  const registryLine = (event: ApplyEvent, registry: string) => {
    switch (event.type) {
      case 'phase-started':
        return write(`\n${paint('bold', `${registry}: ${phaseTitle(event.phase)}`)}\n`);
      case 'step-started':
        return timer.start(event.step);
      case 'step-done':
      case 'step-failed':
        return write(renderStepLines(event.step, paint, timer.end(event.step)).join('\n') + '\n');
      case 'finished':
        return write(`${paint(event.result.ok ? 'bold' : 'red', `${registry}: ${applySummaryLine(event.result)}`)}\n`);
    }
  };
  return {
    progress: () => {},
    call: () => {},
    plan: (plan, viewOptions) => write(renderPlanText(plan, { ...options, ...viewOptions })),
    print: write,
    confirm: (question) => io.confirm(question),
    applyEvent: (raw, registry) => {
      if (registry) return registryLine(eventInRegistry(registry, raw), registry);
      const event = raw;
      switch (event.type) {
        case 'phase-started':
          return write(`\n${paint('bold', phaseTitle(event.phase))}\n`);
        case 'step-started':
          return timer.start(event.step);
        case 'step-done':
        case 'step-failed':
          return write(renderStepLines(event.step, paint, timer.end(event.step)).join('\n') + '\n');
        case 'finished': {
          const notStarted = event.result.steps.filter((s) => s.status === 'not-started' || s.status === 'interrupted');
          const lines = notStarted.flatMap((s) => renderStepLines(s, paint));
          const summary = paint(event.result.ok ? 'bold' : 'red', applySummaryLine(event.result, timer.total()));
          return write(`${lines.length ? `\n${lines.join('\n')}\n` : ''}\n${summary}\n`);
        }
      }
    },
    close: async () => {},
  };
}
