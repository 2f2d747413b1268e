import type { Outcome } from '../types.js';

/** Control characters shown as escapes: an implementation's bytes cannot move the cursor or recolour the terminal. */
export const printable = (s: string) =>
  s.replace(/(?![\t\n])\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** One line, at most `max` characters. */
export const oneLine = (s: string, max = 240) => {
  const line = printable(s.replace(/\s*\n\s*/g, ' ⏎ '));
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export const where = (o: Outcome) => `${o.check}${o.operation ? ` [${o.operation}]` : ''}`;

/** What came back, for a failure: status and the start of the body (or the transport error). */
export function got(o: Outcome, max: number): string | undefined {
  const r = o.exchange?.response;
  if (r) return `${r.status}${r.text ? `: ${r.text.slice(0, max)}${r.text.length > max ? '…' : ''}` : ''}`;
  return o.exchange?.error;
}
