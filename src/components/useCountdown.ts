import { useEffect, useReducer } from 'react';

/**
 * Seconds left until `until` (epoch ms), re-rendering once a second while it runs.
 * Read from Date.now() on each render, so a new `until` is right at once.
 */
export function useCountdown(until: number | null): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (until === null || until <= Date.now()) return;
    const timer = setInterval(() => {
      tick();
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  // Whole seconds, rounded up; 0 once it has passed or when there is none.
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}
