/**
 * Electron's main process has no "online" event, so main polls `net.isOnline()` and this turns the
 * readings into one call per offline -> online transition.
 */
import type { Clock, TimerHandle } from './clock';

interface OnlineWatcherDeps {
  isOnline(): boolean;
  onOnline(): void;
  clock: Clock;
  pollMs?: number;
}

export class OnlineWatcher {
  readonly #deps: OnlineWatcherDeps;
  #online = true;
  #timer: TimerHandle | null = null;

  constructor(deps: OnlineWatcherDeps) {
    this.#deps = deps;
  }

  start(): void {
    if (this.#timer !== null) return;
    this.#online = this.#deps.isOnline();
    this.#schedule();
  }

  stop(): void {
    if (this.#timer !== null) this.#deps.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    this.#timer = this.#deps.clock.setTimeout(() => {
      const online = this.#deps.isOnline();
      const restored = online && !this.#online;
      this.#online = online;
      this.#schedule();
      if (restored) this.#deps.onOnline();
    }, this.#deps.pollMs ?? 15_000);
  }
}
