// The page's editing in Debian's chromium: a record opened, changed, refused and saved; the
// vendor's presets; markdown, toggle chips, the replay curl, dark mode, tables that fit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, testSimulator, type TestSim } from '../helpers/sim.js';
import { buildPage, hasChromium, openBrowser, screenshot, type Opened } from './browser.js';

describe.runIf(hasChromium)('the page edits', () => {
  let t: TestSim;
  let b: Opened;
  let lcKey: string;

  beforeAll(async () => {
    buildPage();
    t = await testSimulator();
    lcKey = (await t.fixtures()).leadconduit.credentials.user;
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.browser.close();
    await t?.close();
  });

  const firstRow = async (api: string, collection: string) => {
    const page = (await (await fetch(`${t.sim.url}/__control/state/${api}/${collection}?limit=1`)).json()) as {
      items: { id: string; record: Record<string, unknown> }[];
    };
    const item = page.items[0];
    if (!item) throw new Error(`no ${api} ${collection}`);
    return item;
  };
  const openFirst = async (api: string, collection: string) => {
    await b.page.goto(`${t.sim.url}/#state`);
    await b.page.getByTestId(`state-api-${api}`).click();
    await b.page.getByTestId(`collection-${collection}`).click();
    await b.page.getByTestId('state-table').locator('tbody tr').first().click();
  };

  it('opens a record as JSON, refuses a change that breaks the schema naming the field, and saves a good one', async () => {
    const before = await firstRow('leadconduit', 'connections');
    await openFirst('leadconduit', 'connections');
    await b.page.getByTestId('record-edit').click();
    const box = b.page.getByTestId('record-json');
    const json = JSON.parse(await box.inputValue()) as Record<string, unknown>;
    expect(json).toEqual(before.record);

    await box.fill(JSON.stringify({ ...json, relationship_type: 'partner' }, null, 2));
    await b.page.getByTestId('record-save').click();
    await expect
      .poll(() => b.page.getByTestId('record-error').innerText())
      .toMatch(/body\.relationship_type must be one of seller, buyer/);
    await screenshot(b.page, 'edit-refused');
    expect((await firstRow('leadconduit', 'connections')).record).toEqual(before.record);

    const connected = { ...(json.connected_account as object), name: 'Renamed in the page' };
    await box.fill(JSON.stringify({ ...json, connected_account: connected }, null, 2));
    await b.page.getByTestId('record-save').click();
    await expect.poll(() => b.page.getByTestId('state-notice').innerText()).toContain(`saved ${before.id}`);
    expect((await firstRow('leadconduit', 'connections')).record.connected_account).toEqual(connected);
    // What the API answers follows the edit.
    const list = (await (
      await fetch(`${t.sim.url}/leadconduit/connections`, { headers: basic(lcKey) })
    ).json()) as unknown[];
    expect(JSON.stringify(list)).toContain('Renamed in the page');
    await b.page.getByTestId('state-table').locator('tbody tr').first().click();
    await screenshot(b.page, 'edit-saved');
    // The refused save is a 422 the browser logs as a failed load; nothing else may fail.
    expect(b.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it("offers the vendor's presets: Make SSO-only turns the connection sso_only in the API's list", async () => {
    const row = await firstRow('leadconduit', 'connections');
    await openFirst('leadconduit', 'connections');
    await screenshot(b.page, 'edit-presets');
    await b.page.getByTestId('preset-sso-only').click();
    await expect.poll(() => b.page.getByTestId('state-notice').innerText()).toContain(`Make SSO-only: ${row.id}`);
    const list = (await (await fetch(`${t.sim.url}/leadconduit/connections`, { headers: basic(lcKey) })).json()) as {
      id: string;
    }[];
    expect(JSON.stringify(list.find((e) => e.id === row.record.external_id))).toMatch(/sso_only/);
  });

  it('expires a Wingfield connect token in one click', async () => {
    await openFirst('wingfield', 'connect-tokens');
    const token = await firstRow('wingfield', 'connect-tokens');
    await b.page.getByTestId('preset-expire').click();
    await expect
      .poll(async () => new Date(String((await firstRow('wingfield', 'connect-tokens')).record.expires_at)).getTime())
      .toBeLessThan(Date.now());
    expect((await firstRow('wingfield', 'connect-tokens')).id).toBe(token.id);
  });

  it('renders markdown in scenario descriptions and shows API chips as toggles', async () => {
    await b.page.goto(`${t.sim.url}/#scenarios`);
    const card = b.page.getByTestId('scenario-latency');
    await expect.poll(() => card.locator('.markdown code').count()).toBeGreaterThan(0);
    expect(await card.locator('.markdown').innerText()).not.toContain('`');
    const chip = b.page.getByTestId('chip-server-error-auth0');
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await chip.evaluate((e) => getComputedStyle(e).cursor)).toBe('pointer');
    await screenshot(b.page, 'edit-scenarios-markdown');
  });

  it('gives the replay curl the scenario that acted', async () => {
    await t.sim.control.scenarios.enable('sso-outage');
    try {
      await fetch(`${t.sim.url}/leadconduit/connections`, { headers: basic(lcKey) });
      await b.page.goto(`${t.sim.url}/#journal`);
      // The newest row comes by the live stream, possibly after the page's first draw: click the
      // newest matching row until it is the request made above.
      const newest = b.page.getByTestId('journal-row').filter({ hasText: '/leadconduit/connections' }).first();
      await expect
        .poll(
          async () => {
            await newest.click();
            return b.page.getByTestId('detail-scenarios').innerText();
          },
          { timeout: 10_000 },
        )
        .toBe('sso-outage');
      await expect
        .poll(() => b.page.getByTestId('replay-curl').innerText())
        .toContain("-H 'Prefer: scenario=sso-outage'");
    } finally {
      await t.sim.control.scenarios.disable('sso-outage');
    }
  });

  it('fits the State table to its card at desktop width, every column visible (created at included)', async () => {
    for (const [api, collection] of [
      ['leadconduit', 'connections'],
      ['mycreditapp', 'connections'],
    ] as const) {
      await openFirst(api, collection);
      const fit = await b.page.evaluate(() => {
        const table = document.querySelector('[data-testid=state-table]');
        const box = table?.parentElement;
        return table && box
          ? {
              table: table.scrollWidth,
              box: box.clientWidth,
              heads: [...table.querySelectorAll('th')].map((th) => th.textContent),
            }
          : undefined;
      });
      expect(fit?.table, `${api} ${collection}`).toBeLessThanOrEqual(fit?.box ?? 0);
      if (api === 'leadconduit') expect(fit?.heads.join(' ')).toMatch(/created at/i);
    }
    await screenshot(b.page, 'edit-state-fits');
  });

  it('cuts no table at the right edge: a wide one scrolls inside its card', async () => {
    for (const [where, open] of [
      ['state', () => openFirst('mycreditapp', 'connections')],
      ['apis', () => b.page.goto(`${t.sim.url}/#apis`)],
    ] as const) {
      await open();
      await b.page.setViewportSize({ width: 900, height: 800 });
      await b.page.waitForTimeout(100);
      const clipped = await b.page.evaluate(
        () =>
          [...document.querySelectorAll('main table')].filter((table) => {
            const right = table.getBoundingClientRect().right;
            for (let p = table.parentElement; p; p = p.parentElement) {
              const style = getComputedStyle(p);
              if (style.overflowX === 'auto' || style.overflowX === 'scroll') return false; // reachable by scrolling
              if (style.overflowX === 'hidden' && right > p.getBoundingClientRect().right + 1) return true;
            }
            return right > document.documentElement.clientWidth + 1;
          }).length,
      );
      expect(clipped, where).toBe(0);
      await screenshot(b.page, `edit-narrow-${where}`);
      await b.page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('follows prefers-color-scheme: dark', async () => {
    const context = await b.browser.newContext({ colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${t.sim.url}/#scenarios`);
      await page.getByTestId('scenario-latency').waitFor();
      const [bg, ink] = await page.evaluate(() => [
        getComputedStyle(document.documentElement).backgroundColor,
        getComputedStyle(document.documentElement).color,
      ]);
      const lum = (rgb: string) =>
        (rgb.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map(Number)
          .reduce((a, b) => a + b, 0) / 3;
      expect(lum(bg)).toBeLessThan(60);
      expect(lum(ink)).toBeGreaterThan(180);
      await page.screenshot({ path: `${(await import('./browser.js')).outputDir}/edit-dark.png` });
    } finally {
      await context.close();
    }
  });
});
