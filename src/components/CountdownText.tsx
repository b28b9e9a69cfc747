import type { CSSProperties } from 'react';

/** Inline, so the announced copy stays hidden even without the package's stylesheet. */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export interface CountdownTextProps {
  seconds: number;
  text: (seconds: number) => string;
  /**
   * Moments (seconds left) at which assistive tech hears the sentence, e.g. [60, 30, 10].
   * The ticking copy is hidden from it: a live region re-read every second would drown everything else.
   */
  announceAt: readonly number[];
}

/** A ticking sentence for the eyes, plus a copy for screen readers that changes only at `announceAt`. */
export function CountdownText({ seconds, text, announceAt }: CountdownTextProps) {
  // The last moment reached: the smallest mark still at or above the seconds left.
  const marks = announceAt.filter((mark) => mark >= seconds);
  const announced = marks.length > 0 ? Math.min(...marks) : null;
  return (
    <>
      <span aria-hidden="true">{text(seconds)}</span>
      <span style={visuallyHidden}>{announced === null ? '' : text(announced)}</span>
    </>
  );
}
