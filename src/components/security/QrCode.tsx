import { generate } from 'lean-qr/nano';
import { useMemo } from 'react';

/** Modules of white around the code: scanners need a quiet zone (4 by the standard). */
const QUIET = 4;

/**
 * A QR code as one SVG path, dark on white in both themes (scanners read inverted codes badly).
 * lean-qr/nano only encodes; drawing it here keeps the whole QR library at about 2 kB gzip.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const code = generate(value);
    let d = '';
    for (let y = 0; y < code.size; y++) {
      // Runs of dark modules on a row, one rectangle each.
      for (let x = 0; x < code.size; x++) {
        if (!code.get(x, y)) continue;
        let end = x;
        while (end + 1 < code.size && code.get(end + 1, y)) end++;
        d += `M${x + QUIET} ${y + QUIET}h${end - x + 1}v1h${x - end - 1}z`;
        x = end;
      }
    }
    return { size: code.size + 2 * QUIET, path: d };
  }, [value]);
  return (
    <svg className={className} role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
