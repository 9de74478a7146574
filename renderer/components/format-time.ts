/** "3 minutes ago"-style wording for a past ISO time, with the exact time kept for a tooltip. */
export function describeWhen(iso: string | null, now: Date = new Date()): { text: string; exact: string } {
  if (!iso) return { text: 'Never', exact: 'Never checked' };
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return { text: 'Unknown', exact: iso };
  const exact = when.toLocaleString();
  const seconds = Math.round((now.getTime() - when.getTime()) / 1000);
  if (seconds < 45) return { text: 'Just now', exact };
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [['minute', 60], ['hour', 3600], ['day', 86400]];
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  let chosen: [Intl.RelativeTimeFormatUnit, number] = ['minute', 60];
  for (const unit of units) if (seconds >= unit[1]) chosen = unit;
  return { text: format.format(-Math.round(seconds / chosen[1]), chosen[0]), exact };
}

/** "every 4 hours" / "every hour" / "every day". */
export function describeInterval(hours: number): string {
  if (hours === 1) return 'every hour';
  if (hours === 24) return 'every day';
  if (hours === 168) return 'every week';
  if (hours % 24 === 0) return `every ${hours / 24} days`;
  return `every ${hours} hours`;
}
