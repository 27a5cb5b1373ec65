import type { Io } from '../../src/commands/io.js';
import type { SessionView } from '../../src/render/session-view.js';

/** What a fake view was told, in order, by kind. */
export interface RecordedView extends SessionView {
  events: string[];
  calls: { inFlight: number; made: number };
  printed: string[];
}

/** A SessionView that records what the command tells it and answers confirm as told. */
export function recordingView(answer: boolean): RecordedView {
  const view: RecordedView = {
    events: [],
    calls: { inFlight: 0, made: 0 },
    printed: [],
    progress: (p) => void view.events.push(`progress ${p.stage}`),
    call: (delta) => {
      view.calls.inFlight += delta;
      if (delta > 0) view.calls.made++;
    },
    plan: (plan) => void view.events.push(`plan ${plan.changes.length}`),
    print: (text) => {
      view.events.push('print');
      view.printed.push(text);
    },
    confirm: async () => {
      view.events.push('confirm');
      return answer;
    },
    applyEvent: (e) => void view.events.push(`apply ${e.type}`),
    close: async () => void view.events.push('close'),
  };
  return view;
}

export interface FakeIo extends Io {
  out: string;
  err: string;
}

/** An Io with captured output; a terminal view only when one is given. */
export function fakeIo(options: { isTTY?: boolean; view?: SessionView; env?: Record<string, string> } = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    isTTY: options.isTTY ?? false,
    color: false,
    env: options.env ?? {},
    confirm: async () => {
      throw new Error('the plain confirm must not be asked in this test');
    },
    now: () => new Date('2026-11-23T12:00:00.000Z'),
    terminalView: options.view ? async () => options.view! : undefined,
  };
  return io;
}
