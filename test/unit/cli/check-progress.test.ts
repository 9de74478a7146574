import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/diagnosis/check-result';
import { checkProgressPrinter } from '../../../src/cli/check-progress';
import type { LiveTimers } from '../../../src/cli/live-status';
import { terminalStyle } from '../../../src/cli/terminal-style';
import { memoryIo } from '../../fixtures/cli-io';

/** Time that moves only when the test says, with the spinner's redraws run as it passes. */
function steppedTimers() {
  let now = 0;
  const ticking = new Set<{ every: number; next: number; run: () => void }>();
  const timers: LiveTimers = {
    now: () => now,
    every(ms, run) {
      const timer = { every: ms, next: now + ms, run };
      ticking.add(timer);
      return { stop: () => ticking.delete(timer) };
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (let step = Math.min(...[...ticking].map((timer) => timer.next), until); step <= until; ) {
      now = step;
      for (const timer of [...ticking]) if (timer.next <= now) { timer.next += timer.every; timer.run(); }
      const next = Math.min(...[...ticking].map((timer) => timer.next));
      if (!Number.isFinite(next) || next > until) break;
      step = next;
    }
    now = until;
  };
  return { timers, advance, ticking };
}

const dns: CheckResult = { id: 'dns', name: 'DNS lookup', status: 'pass', summary: 'resolves', details: [], durationMs: 1, finding: null };
const site: CheckResult = { id: 'site', name: 'ShotGrid site', status: 'pass', summary: 'answers', details: [], durationMs: 1, finding: null };
const lastLine = (stderr: string) => stderr.split('\r\u001b[2K').filter((part) => part !== '').at(-1) ?? '';

describe('check progress on a terminal', () => {
  const style = terminalStyle(true, { NO_COLOR: '1' }, 100);

  it('spins for the running check, shows its time after a second and calls it slow after three', () => {
    const io = memoryIo({ tty: true });
    const { timers, advance } = steppedTimers();
    const progress = checkProgressPrinter(io, style, timers);
    progress([], 'dns');
    expect(lastLine(io.stderr)).toBe('  -  DNS lookup...');
    advance(900);
    expect(lastLine(io.stderr)).toMatch(/^ {2}\S {2}DNS lookup\.\.\.$/);
    advance(300);
    expect(lastLine(io.stderr)).toMatch(/^ {2}\S {2}DNS lookup\.\.\. {2}1\.2\u00a0s$/);
    advance(2000);
    expect(lastLine(io.stderr)).toMatch(/DNS lookup\.\.\. {2}3\.2\u00a0s, slow$/);
    progress([dns], 'site');
    expect(io.stdout).toBe('  PASS  DNS lookup       resolves (3.2\u00a0s, slow)\n');
    expect(lastLine(io.stderr)).toBe('  -  ShotGrid site...');
    advance(500);
    progress([dns, site], null);
    // A check that was quick says nothing about its time, and the live line is gone.
    expect(io.stdout.split('\n')[1]).toBe('  PASS  ShotGrid site    answers');
    expect(io.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('stops redrawing once the checks are done', () => {
    const io = memoryIo({ tty: true });
    const { timers, advance, ticking } = steppedTimers();
    const progress = checkProgressPrinter(io, style, timers);
    progress([], 'dns');
    progress([dns], null);
    expect(ticking.size).toBe(0);
    const before = io.stderr;
    advance(5000);
    expect(io.stderr).toBe(before);
  });
});

describe('check progress elsewhere', () => {
  it.each([
    ['stdout is not a terminal', terminalStyle(false, {}, null)],
    ['the terminal cannot redraw a line (TERM=dumb)', terminalStyle(true, { TERM: 'dumb' }, 100)],
  ])('prints only the finished lines when %s', (_when, style) => {
    const io = memoryIo({ tty: style.live });
    const { timers, advance } = steppedTimers();
    const progress = checkProgressPrinter(io, style, timers);
    progress([], 'dns');
    advance(4000);
    progress([dns], null);
    expect(io.stdout).toBe('  PASS  DNS lookup       resolves\n');
    expect(io.stderr).toBe('');
  });
});
