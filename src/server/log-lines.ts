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
export const logFormatFor = (stream: LogStream, asked?: LogFormat): LogFormat =>
  asked ?? (stream.isTTY ? 'pretty' : 'json');

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

const statusStyle = (status: number): Style =>
  status === 0 ? 'magenta' : status >= 500 ? 'red' : status >= 400 ? 'yellow' : status >= 300 ? 'cyan' : 'green';

/** Past this a URL is cut: the whole request is in the journal and on the page. */
const maxUrl = 80;

/** The query goes first, then the middle of the path: its start names the API, its end the operation. */
export function shortUrl(url: string, max = maxUrl): string {
  if (url.length <= max) return url;
  const q = url.indexOf('?');
  const path = q < 0 ? url : `${url.slice(0, q)}?…`;
  if (path.length <= max) return path;
  const head = Math.floor((max - 1) / 3);
  return `${path.slice(0, head)}…${path.slice(path.length - (max - 1 - head))}`;
}

/**
 * `12:03:04.567 GET /auth0/api/v2/organizations/org_1/connections 200 3.1ms session=default scenario=sso-outage`
 * (time in UTC, as the journal's `at`; the session and scenarios only when they say something).
 */
export function requestLine(entry: JournalEntry, color: boolean): string {
  // styleText's own check looks at standard output, not at this stream: colorFor has decided.
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const parts = [
    paint('dim', entry.at.slice(11, 23)),
    paint('bold', entry.method),
    shortUrl(entry.url),
    paint(statusStyle(entry.status), entry.status === 0 ? 'reset' : String(entry.status)),
    paint('dim', `${entry.durationMs.toFixed(1)}ms`),
  ];
  if (entry.session !== defaultSessionName) parts.push(paint('blue', `session=${entry.session}`));
  if (entry.scenarios?.length) parts.push(paint('magenta', `scenario=${entry.scenarios.join(',')}`));
  if (entry.violations?.length) parts.push(paint('red', `violations=${entry.violations.length}`));
  return parts.join(' ');
}
