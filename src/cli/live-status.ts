import type { CliIo } from './cli-io';
import type { TerminalStyle } from './terminal-style';

/** After this long a running step shows its elapsed time. */
const showElapsedAfterMs = 1000;
/** After this long a running step is called slow, on screen and in its finished line. */
export const slowAfterMs = 3000;

const frames = ['-', '\\', '|', '/'];
const redrawEveryMs = 100;
const clearLine = '\r\u001b[2K';

export interface LiveTimers {
  now(): number;
  every(ms: number, run: () => void): { stop(): void };
}

export const realTimers: LiveTimers = {
  now: () => performance.now(),
  every(ms, run) {
    const timer = setInterval(run, ms);
    // Only the work being waited for keeps the process alive, never its spinner.
    timer.unref();
    return { stop: () => clearInterval(timer) };
  },
};

/**
 * One line on stderr that redraws itself while a step runs: a spinner, what is running, its elapsed
 * time after a second and "slow" after three. Only on a terminal that can redraw a line (`style.live`);
 * elsewhere it prints nothing at all, so logs and pipes get only the finished lines.
 */
export class LiveStatus {
  #label = '';
  #startedAt = 0;
  #frame = 0;
  #timer: { stop(): void } | null = null;

  constructor(
    private readonly io: CliIo,
    private readonly style: TerminalStyle,
    private readonly timers: LiveTimers = realTimers,
  ) {}

  /** Starts showing `label` (replacing what was shown) and starts its clock. */
  show(label: string): void {
    this.#label = label;
    this.#startedAt = this.timers.now();
    this.#frame = 0;
    if (!this.style.live) return;
    this.#timer ??= this.timers.every(redrawEveryMs, () => this.#draw());
    this.#draw();
  }

  /** Removes the line; returns how long the step shown ran (0 when none was). */
  clear(): number {
    const elapsed = this.#label === '' ? 0 : this.timers.now() - this.#startedAt;
    this.#timer?.stop();
    this.#timer = null;
    if (this.style.live && this.#label !== '') this.io.status(clearLine);
    this.#label = '';
    return elapsed;
  }

  #draw(): void {
    const elapsed = this.timers.now() - this.#startedAt;
    const frame = frames[this.#frame % frames.length]!;
    this.#frame += 1;
    const time = elapsed < showElapsedAfterMs ? '' : `  ${seconds(elapsed)}${elapsed > slowAfterMs ? ', slow' : ''}`;
    // One line only: a line longer than the terminal would wrap, and \r could not redraw it.
    const line = `  ${frame}  ${this.#label}...${time}`.slice(0, Math.max(this.style.columns - 1, 10));
    this.io.status(`${clearLine}${this.style.dim(line)}`);
  }
}

/** `0.4 s`, `12.3 s`: a person's unit for the time a check takes (a no-break space keeps the unit with its number). */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}\u00a0s`;
}
