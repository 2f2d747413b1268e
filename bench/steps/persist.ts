// `--persist`: the flush of a MyCreditApp world of 100 k connections per side (10 k with
// --quick) to its NDJSON file, beside the baseline of the same bytes written by one
// fs.writeFile + fsync + rename of a ready buffer (the disk's share); then the restore at start.
import { mkdtempSync, rmSync } from 'node:fs';
import { open, readFile, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { persist } from '../../src/server/persist.js';
import { createSimulator } from '../../src/sim/core.js';
import type { Step } from '../step.js';

export interface PersistResult {
  perSide: number;
  fileBytes: number;
  /** Each flush after one record edit, in ms. */
  flushMs: number[];
  /** The CPU each flush used (user + system, ms): steadier than its wall time on a shared machine. */
  flushCpuMs: number[];
  /** The same bytes from a ready buffer: writeFile, fsync, rename. */
  rawWriteMs: number[];
  /** Median flush over median raw write. */
  flushOverRaw: number;
  restoreMs: number;
  command: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t: number) => Math.round(performance.now() - t);

async function editOne(sim: ReturnType<typeof createSimulator>, score: number): Promise<void> {
  const page = await sim.handle(new Request('http://127.0.0.1/__control/state/mycreditapp/connections?limit=1'));
  const { items } = (await page.json()) as { items: { id: string; record: Record<string, unknown> }[] };
  const [item] = items;
  if (!item) throw new Error('no connection to edit');
  const res = await sim.handle(
    new Request(`http://127.0.0.1/__control/state/mycreditapp/connections/${encodeURIComponent(item.id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...item.record, total_score: score }),
    }),
  );
  if (res.status !== 200) throw new Error(`edit: ${res.status} ${await res.text()}`);
}

export const persistence: Step = async (ctx) => {
  const perSide = ctx.o.quick ? 10_000 : 100_000;
  ctx.log(`\npersist: MyCreditApp, ${perSide} connections per side, flushed to NDJSON`);
  const dir = mkdtempSync(join(tmpdir(), 'connkit-bench-persist-'));
  try {
    const sim = createSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: perSide } });
    const saved = await persist(sim, { dir, intervalMs: 3_600_000 });
    const flushMs: number[] = [];
    const flushCpuMs: number[] = [];
    const rawWriteMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await editOne(sim, 10 + i);
      const t = performance.now();
      const cpu = process.cpuUsage();
      await saved.flush();
      flushMs.push(ms(t));
      const used = process.cpuUsage(cpu);
      flushCpuMs.push(Math.round((used.user + used.system) / 1000));
    }
    await saved.close();
    const bytes = await readFile(saved.path);
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const aside = join(dir, `raw-${i}.tmp`);
      const file = await open(aside, 'w', 0o600);
      await file.writeFile(bytes);
      await file.sync();
      await file.close();
      await rename(aside, join(dir, 'raw'));
      rawWriteMs.push(ms(t));
    }
    const fileBytes = (await stat(saved.path)).size;
    const again = createSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: perSide } });
    const t = performance.now();
    const restored = await persist(again, { dir, intervalMs: 3_600_000 });
    const restoreMs = ms(t);
    await restored.close();
    const result: PersistResult = {
      perSide,
      fileBytes,
      flushMs,
      flushCpuMs,
      rawWriteMs,
      flushOverRaw: Math.round((median(flushMs) / Math.max(1, median(rawWriteMs))) * 10) / 10,
      restoreMs,
      command: `npm run bench -- --only persist${ctx.o.quick ? ' --quick' : ''}`,
    };
    ctx.results.persist = result;
    ctx.log(
      `  file ${(fileBytes / 1e6).toFixed(0)} MB; flush ${flushMs.join(' / ')} ms (CPU ${flushCpuMs.join(' / ')} ms), the same bytes from a buffer ${rawWriteMs.join(' / ')} ms (${result.flushOverRaw}×); restore at start ${restoreMs} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
