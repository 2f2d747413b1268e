// The MSW door in a browser: the built bundle and MSW's worker in Debian's chromium, Auth0
// answered at its real host by the simulator inside the page. No server but the static files.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { buildBrowserBundle, runPage } from './browser-harness.js';

let out: string;
let bundle: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'connkit-browser-'));
  bundle = await buildBrowserBundle(out);
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe.runIf(existsSync('/usr/bin/chromium'))('MSW in chromium (setupWorker)', () => {
  it("lists an organization's Auth0 links with fetch to the tenant host, adds one, and sees it listed", async () => {
    const { result, log, swapped } = await runPage(join(packageRoot, 'test', 'msw', 'browser', 'page.ts'), {
      swap: { [join(packageRoot, 'src', 'browser.js')]: bundle },
    });
    const r = result as {
      connection: string;
      before: string[];
      addedStatus: number;
      after: string[];
      workerControlled: boolean;
    };
    expect(r.addedStatus, log.join('\n')).toBe(201);
    expect(r.before).not.toContain(r.connection);
    expect(r.after).toContain(r.connection);
    expect(r.after).toHaveLength(r.before.length + 1);
    expect(r.workerControlled).toBe(true);
    expect(swapped, 'the page ran the built bundle, not the sources').toEqual([bundle]);
  });
});
