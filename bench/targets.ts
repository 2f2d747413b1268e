// The performance issues' targets (the later issue's where they differ: ≥ 6× Prism static, ≥ 50 %
// of bare node:http), each judged from this run's results, with how far off a missed one is.
import type { EndpointResult, Results, Target } from './results.js';
import { found } from '../src/sim/found.js';

const r2 = (n: number) => Math.round(n * 100) / 100;

function target(name: string, value: number, kind: Target['kind'], goal: number, unit: string, note?: string): Target {
  const met = kind === 'min' ? value >= goal : value <= goal;
  const shortfall = met
    ? undefined
    : kind === 'min'
      ? `${r2(goal - value)}${unit} short: needs ×${r2(goal / value)} of today's`
      : `${r2(value - goal)}${unit} over: ×${r2(value / goal)} the goal`;
  return {
    name,
    value: r2(value),
    unit,
    goal,
    kind,
    met,
    ...(shortfall ? { shortfall } : {}),
    ...(note ? { note } : {}),
  };
}

const ratio = (e: EndpointResult, prefix: string) => {
  const r = e.ratios.find((x) => x.name.startsWith(prefix));
  if (!r) throw new Error(`${e.label}: no ratio ${prefix}`);
  return r;
};

function reads(e: EndpointResult): Target[] {
  const own = found(
    e.rows.find((r) => r.id === 'connkit'),
    'connkit row',
  );
  const equalStatic = ratio(e, 'connkit / prism-static (equal');
  const equalMockoon = ratio(e, 'connkit / mockoon (equal');
  // An answer that could not be brought within 1.5× of the peer's says so beside its ratio.
  const sizeNote = (s: number) =>
    s > 1.5 || s < 1 / 1.5 ? `answer sizes ×${s} apart: connkit's smallest is bigger` : undefined;
  return [
    target(
      `${e.label}: × Prism static -v error, equal size`,
      equalStatic.value,
      'min',
      6,
      '×',
      sizeNote(equalStatic.sizeRatio),
    ),
    target(`${e.label}: × Mockoon, equal size`, equalMockoon.value, 'min', 20, '×', sizeNote(equalMockoon.sizeRatio)),
    target(`${e.label}: % of bare node:http, default size`, ratio(e, 'connkit / bare').value * 100, 'min', 50, '%'),
    target(`${e.label}: p99 at 50 connections, default size`, own.load.p99, 'max', 20, ' ms'),
  ];
}

/** npm start may add npm's own start and this much (sh, scheduling noise on a shared machine). */
export const npmSlackMs = 50;

export function judge(results: Results): Target[] {
  const out: Target[] = [];
  for (const e of results.throughput ?? []) out.push(...reads(e));
  if (results.writes)
    out.push(
      target(
        'Wingfield claim: × Prism static -v error',
        ratio(results.writes, 'connkit / prism-static').value,
        'min',
        3,
        '×',
      ),
    );
  const c = results.coldStart;
  if (c) {
    out.push(
      target(
        `cold start, all four APIs: median of ${c.nodeMs.length}, spawn to first 200`,
        c.medianNodeMs,
        'max',
        250,
        ' ms',
      ),
    );
    if (c.medianNodeBareMs)
      out.push(
        target(
          `cold start × node -e 0 (median ${c.medianNodeBareMs} ms, same run)`,
          r2(c.medianNodeMs / c.medianNodeBareMs),
          'max',
          2,
          '×',
        ),
      );
    out.push(
      target(
        `npm start minus node: at most npm's own start (${c.npmOwnCommand}, ${c.medianNpmOwnMs} ms) + ${npmSlackMs} ms`,
        c.medianNpmStartMs - c.medianNodeMs,
        'max',
        r2(c.medianNpmOwnMs + npmSlackMs),
        ' ms',
      ),
    );
  }
  const ss = results.sessions;
  if (ss) {
    const note = ss.perSide === 100_000 ? undefined : `at ${ss.perSide} per side (--quick), not 100 k`;
    out.push(
      target(
        `a new session over MyCreditApp ${ss.perSide} per side: heap (read + write)`,
        ss.bytesPerSession,
        'max',
        1024 * 1024,
        ' B',
        note,
      ),
    );
    out.push(
      target(
        `a new session over MyCreditApp ${ss.perSide} per side: first read p50`,
        ss.newSessionMs.p50,
        'max',
        5,
        ' ms',
        note,
      ),
    );
  }
  const s = results.scale;
  if (s) {
    const note = s.perSide === 1_000_000 ? undefined : `at ${s.perSide} per side (--quick), not 1 M`;
    const at = `MyCreditApp ${s.perSide} per side`;
    if (s.firstPageAfterStartMs !== undefined)
      out.push(target(`${at}: first page after start (one request)`, s.firstPageAfterStartMs, 'max', 20, ' ms', note));
    out.push(target(`${at}: first page p50`, s.firstPage.p50, 'max', 5, ' ms', note));
    out.push(target(`${at}: deep page (offset 90 %) p50`, s.deepPage.p50, 'max', 20, ' ms', note));
    out.push(target(`${at}: search p50`, s.search.p50, 'max', 50, ' ms', note));
    out.push(
      target(
        `${at}: first sort by a new field (slowest of ${Object.keys(s.newSortMs).join(', ')})`,
        Math.max(...Object.values(s.newSortMs)),
        'max',
        50,
        ' ms',
        note,
      ),
    );
    if (s.snapshot)
      out.push(
        target(
          `${at}: snapshot GET then PUT, back to the same bytes`,
          s.snapshot.sameBytes ? 1 : 0,
          'min',
          1,
          '',
          note,
        ),
      );
    out.push(target(`${at}: RSS per connection`, s.rssBytesPerConnection, 'max', 1000, ' B', note));
    out.push(target(`${at}: start, spawn to first 200 of the list`, s.startMs, 'max', 15_000, ' ms', note));
  }
  const l = results.library;
  if (l) {
    const above = l.medianFirstAnswerMs - l.medianNodeMs;
    out.push(
      target(
        `a test file's start (import → first answers of all four), above node -e 0 (${l.medianNodeMs} ms)`,
        above,
        'max',
        150,
        ' ms',
      ),
    );
    out.push(
      target(
        `a test file's start above node -e 0, × MSW's own import above it (${r2(l.medianMswImportMs - l.medianNodeMs)} ms)`,
        above / Math.max(1, l.medianMswImportMs - l.medianNodeMs),
        'max',
        0.5,
        '×',
      ),
    );
    out.push(target('in-process RSS after the first answers', l.rssAfterFirstAnswerBytes / 2 ** 20, 'max', 80, ' MiB'));
    out.push(target('dist/browser/connkit.js gzipped', l.browserBundleGzipBytes / 1024, 'max', 120, ' KiB'));
  }
  for (const w of results.build?.worlds ?? [])
    out.push(
      target(
        `${w.api}: world of ${w.size} records built`,
        w.ms,
        'max',
        15_000,
        ' ms',
        w.size === 1_000_000 ? undefined : `at ${w.size} (--quick), not 1 M`,
      ),
    );
  return out;
}
