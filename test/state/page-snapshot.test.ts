// The State tab's Export and Import buttons in Debian's chromium: a snapshot past the 1 MB body
// limit goes out as an NDJSON file and comes back in, and the state is the same bytes.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, hasChromium, openBrowser, type Opened } from '../page/browser.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

describe.runIf(hasChromium)("the page's snapshot buttons", () => {
  let t: TestSim;
  let b: Opened;
  beforeAll(async () => {
    buildPage();
    t = await testSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: 5000 } });
    b = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.browser.close();
    await t?.close();
  });

  const nd = async () =>
    (await fetch(`${t.sim.url}/__control/state`, { headers: { Accept: 'application/x-ndjson' } })).text();

  it('export a file and import it back, byte for byte, past the body limit', async () => {
    const seeded = await nd();
    expect(seeded.length).toBeGreaterThan(1024 * 1024);
    await b.page.goto(`${t.sim.url}/#state`);
    await b.page.getByTestId('state-table').waitFor();
    const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.ndjson$/);
    const file = await download.path();
    expect(await readFile(file, 'utf8')).toBe(seeded);

    expect((await t.call({ method: 'POST', path: '/__control/reset', body: { seed: 7 } })).status).toBe(200);
    expect(await nd()).not.toBe(seeded);
    await b.page
      .getByTestId('import')
      .setInputFiles({ name: 'snapshot.ndjson', mimeType: 'application/x-ndjson', buffer: await readFile(file) });
    await expect
      .poll(() => b.page.getByTestId('state-notice').innerText(), { timeout: 30_000 })
      .toContain('imported snapshot.ndjson');
    expect(await nd()).toBe(seeded);
    expect(b.errors).toEqual([]);
  }, 120_000);
});
