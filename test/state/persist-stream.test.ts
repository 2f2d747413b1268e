import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { persist } from '../../src/server/persist.js';
import { createSimulator } from '../../src/sim/core.js';
import { exportSession } from '../../src/sim/snapshot/export.js';

// The --persist file is the export's NDJSON stream, one session after another, and reads back
// into the same sessions byte for byte (in-process: the SIGKILL test in test/server spawns the CLI).
const dir = mkdtempSync(join(tmpdir(), 'connkit-persist-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (lines: Iterable<string>) => [...lines].join('');

async function mint(sim: ReturnType<typeof createSimulator>, session: string) {
  const res = await sim.handle(
    new Request('http://127.0.0.1/__control/leadconduit/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-connkit-session': session },
      body: '{}',
    }),
  );
  expect(res.status).toBeLessThan(300);
}

describe('--persist as a stream', () => {
  it('writes every session as the snapshot export does, and restores each byte for byte', async () => {
    const sim = createSimulator({ sizes: { mycreditapp: 600 } });
    const saved = await persist(sim, { dir, intervalMs: 60_000 });
    // Writes seen after persist() began: what makes a flush write.
    await mint(sim, 'default');
    await mint(sim, 'second');
    await saved.flush();
    const file = readFileSync(saved.path, 'utf8');
    const exports = sim.sessionNames().map((n) => text(exportSession(sim.session(n), true)));
    expect(file).toBe(exports.join(''));
    expect(file.split('\n').filter((l) => l.startsWith('{"connkit"'))).toHaveLength(2);
    await saved.close();

    const again = createSimulator({ sizes: { mycreditapp: 600 } });
    const restored = await persist(again, { dir, intervalMs: 60_000 });
    expect(again.sessionNames().sort()).toEqual(sim.sessionNames().sort());
    for (const name of sim.sessionNames())
      expect(text(exportSession(again.session(name)))).toBe(text(exportSession(sim.session(name))));
    await restored.close();
  });
});
