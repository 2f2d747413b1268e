import { styleText } from 'node:util';
import type { JournalEntry } from '../sim/journal.js';
import { defaultSessionName } from '../sim/session.js';

/** `pretty`: one short line per request, for a person at a terminal; `json`: pino's lines, for machines. */
export const logFormats = ['json', 'pretty'] as const;
export type LogFormat = (typeof logFormats)[number];

/** Where log lines go: a TTY says so, and may say how many colours it shows. */
export interface LogStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  hasColors?: () => boolean;
}

/** Unless asked, people at a terminal get lines, and pipes and files get JSON. */
export const logFormatFor = (stream: LogStream, asked?: LogFormat): LogFormat => asked ?? (stream.isTTY ? 'pretty' : 'json');

/**
 * FORCE_COLOR wins (0 or false turns colour off), then NO_COLOR (any non-empty value), then
 * what the terminal reports: the order Node's own `hasColors()` follows, applied to non-TTYs too.
 */
export function colorFor(stream: LogStream, env: Record<string, string | undefined> = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  if (!stream.isTTY) return false;
  return stream.hasColors ? stream.hasColors() : true;
}

type Style = Parameters<typeof styleText>[0];

const statusStyle = (status: number): Style => (status === 0 ? 'magenta' : status >= 500 ? 'red' : status >= 400 ? 'yellow' : status >= 300 ? 'cyan' : 'green');

/** Past this a URL is cut: the whole request is in the journal and on the page. */
const maxUrl = 72;

/**
 * `12:03:04.567 GET /auth0/api/v2/organizations/org_1/connections 200 3.1ms session=default scenario=sso-outage`
 * (time in UTC, as the journal's `at`; the session and scenarios only when they say something).
 */
export function requestLine(entry: JournalEntry, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const url = entry.url.length > maxUrl ? `${entry.url.slice(0, maxUrl - 1)}…` : entry.url;
  const parts = [
    paint('dim', entry.at.slice(11, 23)),
    paint('bold', entry.method),
    url,
    paint(statusStyle(entry.status), entry.status === 0 ? 'reset' : String(entry.status)),
    paint('dim', `${entry.durationMs.toFixed(1)}ms`),
  ];
  if (entry.session !== defaultSessionName) parts.push(paint('blue', `session=${entry.session}`));
  if (entry.scenarios?.length) parts.push(paint('magenta', `scenario=${entry.scenarios.join(',')}`));
  if (entry.violations?.length) parts.push(paint('red', `violations=${entry.violations.length}`));
  return parts.join(' ');
}
