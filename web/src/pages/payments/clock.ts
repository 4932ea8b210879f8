// The clock of a request: how long is left before a due time, or how long it is overdue, in the
// console's language ("3 hr 20 min"), re-rendered as time passes so an open page never lies.
import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` while the component is mounted. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as its two largest units ("2 days 4 hr", "3 hr 20 min", "7 min"); under a minute,
 * null (the caller says "less than a minute"). Rounded down: a deadline is never made to look
 * further away than it is.
 */
export function formatDuration(ms: number, language: string): string | null {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return null;
  const units: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', Math.floor(abs / DAY)],
    ['hour', Math.floor((abs % DAY) / HOUR)],
    ['minute', Math.floor((abs % HOUR) / MINUTE)],
  ];
  const first = units.findIndex(([, n]) => n > 0);
  return units
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) =>
      new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(n),
    )
    .join(' ');
}
