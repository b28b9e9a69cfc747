const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The unit a person would use for a time `ms` away (negative: past), rounded: 90 minutes is "2 hours",
 * 10 days "1 week". Null under 45 seconds, which reads as "just now" whatever the language's words.
 */
export function relativeUnit(ms: number): [number, Intl.RelativeTimeFormatUnit] | null {
  const size = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  // Each unit up to where the next one reads better (45 minutes → "1 hour", 22 hours → "1 day").
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    size < 45 * SECOND
      ? [0, 'second']
      : size < 45 * MINUTE
        ? [size / MINUTE, 'minute']
        : size < 22 * HOUR
          ? [size / HOUR, 'hour']
          : size < 6.5 * DAY
            ? [size / DAY, 'day']
            : size < 26 * DAY
              ? [size / (7 * DAY), 'week']
              : size < 320 * DAY
                ? [size / (30.44 * DAY), 'month']
                : [size / (365.25 * DAY), 'year'];
  if (unit === 'second') return null;
  return [sign * Math.max(1, Math.round(value)), unit];
}

/** "2 hours ago", "yesterday", "in 3 minutes" (a clock ahead of this one), or `justNow`, in the formatter's language. */
export function relativeTime(then: number, now: number, format: Intl.RelativeTimeFormat, justNow: string): string {
  const unit = relativeUnit(then - now);
  return unit ? format.format(...unit) : justNow;
}
