import { describe, expect, it } from 'vitest';
import { EXIT_INTERRUPTED, INTERRUPT_GRACE_MS, installInterrupts, type InterruptHost } from '../../src/commands/interrupts.js';

function fakeHost() {
  const handlers = new Map<string, (s: NodeJS.Signals) => void>();
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const host = {
    exits: [] as number[],
    err: '',
    timers,
    on: (s: NodeJS.Signals, h: (s: NodeJS.Signals) => void) => void handlers.set(s, h),
    off: (s: NodeJS.Signals) => void handlers.delete(s),
    exit: (code: number) => void host.exits.push(code),
    stderr: (t: string) => void (host.err += t),
    setTimeout: (fn: () => void, ms: number) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimeout: (t: unknown) => void ((t as { cleared: boolean }).cleared = true),
    send: (s: NodeJS.Signals) => handlers.get(s)?.(s),
    listening: () => [...handlers.keys()].sort(),
  };
  return host satisfies InterruptHost & object;
}

describe('interrupts', () => {
  it('while reading or planning: exit 130 at once, saying nothing was changed', () => {
    const host = fakeHost();
    installInterrupts(host);
    expect(host.listening()).toEqual(['SIGINT', 'SIGTERM']);
    host.send('SIGTERM');
    expect(host.exits).toEqual([EXIT_INTERRUPTED]);
    expect(host.err).toContain('nothing was changed');
  });

  it('during apply: stop asking for new steps, wait for the grace period, then report and exit 130', () => {
    const host = fakeHost();
    const interrupts = installInterrupts(host);
    let reported = 0;
    interrupts.applying(() => reported++);
    host.send('SIGINT');
    expect(interrupts.stopRequested()).toBe(true);
    expect(host.exits).toEqual([]);
    expect(host.timers.map((t) => t.ms)).toEqual([INTERRUPT_GRACE_MS]);
    host.timers[0].fn();
    expect([reported, host.exits]).toEqual([1, [EXIT_INTERRUPTED]]);
  });

  it('a second signal exits at once with what is known; apply ending first cancels the grace timer', () => {
    const host = fakeHost();
    const interrupts = installInterrupts(host);
    let reported = 0;
    interrupts.applying(() => reported++);
    host.send('SIGINT');
    host.send('SIGINT');
    expect([reported, host.exits, host.timers[0].cleared]).toEqual([1, [EXIT_INTERRUPTED], true]);

    const other = fakeHost();
    const calm = installInterrupts(other);
    calm.applying(() => reported++);
    other.send('SIGTERM');
    calm.applied();
    expect(other.timers[0].cleared).toBe(true);
    calm.dispose();
    expect(other.listening()).toEqual([]);
  });
});
