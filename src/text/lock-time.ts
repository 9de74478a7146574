/** When a lock ends, as a person reads it: their local clock time and how long from now. */
interface LockEnd {
  /** e.g. "14:05", or "3 Mar, 14:05" when it is not today. */
  localTime: string;
  /** e.g. "in 42 minutes". */
  fromNow: string;
}

/** `null` once the lock is over. `timeZone` is for tests; people get their own. */
export function describeLockEnd(untilIso: string, now: Date, timeZone?: string): LockEnd | null {
  const until = new Date(untilIso);
  const leftMs = until.getTime() - now.getTime();
  if (Number.isNaN(leftMs) || leftMs <= 0) return null;
  const sameDay = dayOf(until, timeZone) === dayOf(now, timeZone);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit', minute: '2-digit', timeZone, ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
  }).format(until);
  return { localTime: time, fromNow: fromNow(leftMs) };
}

function fromNow(leftMs: number): string {
  const minutes = Math.ceil(leftMs / 60_000);
  if (minutes < 90) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  return `in ${hours} hours`;
}

function dayOf(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}
