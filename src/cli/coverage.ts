import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { JournalEntry } from '../sim/journal.js';
import { vendorNames } from '../contract/names.js';
import { oneLineErrors, parseApis } from './parse.js';

const isEntry = (v: unknown): v is JournalEntry =>
  typeof v === 'object' &&
  v !== null &&
  'seq' in v &&
  typeof v.seq === 'number' &&
  'status' in v &&
  typeof v.status === 'number';

/**
 * A saved journal: GET /__control/journal's answer (`{ entries }`), a JSON array of entries, or
 * JSON lines (one entry each, as the journal stream's data lines are).
 */
export function readJournal(text: string, file: string): JournalEntry[] {
  const trimmed = text.trim();
  let values: unknown[];
  try {
    if (trimmed.startsWith('[')) values = JSON.parse(trimmed) as unknown[];
    else if (trimmed.startsWith('{') && !trimmed.includes('\n{')) {
      const doc: unknown = JSON.parse(trimmed);
      values =
        typeof doc === 'object' && doc !== null && 'entries' in doc && Array.isArray(doc.entries) ? doc.entries : [doc];
    } else
      values = trimmed
        .split('\n')
        .filter((l) => l.trim())
        .map((l): unknown => JSON.parse(l.replace(/^data:\s*/, '')));
  } catch (e) {
    throw new Error(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const bad = values.findIndex((v) => !isEntry(v));
  if (bad >= 0) throw new Error(`${file}: entry ${bad + 1} is not a journal entry (seq, status…)`);
  return values.filter(isEntry);
}

export function coverageCommand(): Command {
  const cmd = new Command('coverage')
    .description(
      'what a test run covered of each API (operations, documented statuses, scenarios), from a saved journal',
    )
    .requiredOption(
      '--journal <file>',
      'GET /__control/journal?limit=100000 saved, a JSON array of entries, or JSON lines',
    )
    .option('--api <names>', `the APIs to report on (default: ${vendorNames.join(', ')})`, parseApis)
    .addOption(
      new Option('--format <format>', 'table for people, json, html (the matrix)')
        .choices(['table', 'json', 'html'])
        .default('table'),
    )
    .option('--out <dir>', 'also write coverage.json, coverage.html and coverage.txt here')
    .configureOutput(oneLineErrors);
  cmd.action(async (flags: { journal: string; api?: string[]; format: string; out?: string }) => {
    const [
      { computeCoverage },
      { coverageHtml, coverageTable },
      { writeCoverageFiles },
      { specIndex },
      { scenarioCatalog, vendorModules },
    ] = await Promise.all([
      import('../sim/coverage.js'),
      import('../sim/coverage-format.js'),
      import('../sim/coverage-files.js'),
      import('../contract/registry.js'),
      import('../sim/vendors/index.js'),
    ]);
    let entries: JournalEntry[];
    try {
      entries = readJournal(readFileSync(flags.journal, 'utf8'), flags.journal);
    } catch (e) {
      const message =
        e instanceof Error
          ? e.message.replace(/^ENOENT: no such file or directory, open '(.*)'$/, 'cannot read $1: no such file')
          : String(e);
      return cmd.error(`error: ${message}`, { exitCode: 2, code: 'connkit.coverage' });
    }
    const readers = new Map(Object.entries(vendorModules));
    const report = computeCoverage(entries, (flags.api ?? vendorNames).map(specIndex), scenarioCatalog.list, readers);
    console.log(
      flags.format === 'json'
        ? JSON.stringify(report, null, 2)
        : flags.format === 'html'
          ? coverageHtml(report)
          : coverageTable(report),
    );
    if (flags.out) for (const f of writeCoverageFiles(report, flags.out)) console.error(`wrote ${f}`);
  });
  return cmd;
}
