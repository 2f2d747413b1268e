// The page in Debian's chromium against a simulator on a port of the OS's choosing: what a
// user sees and does on each tab, checked against what the simulator then answers.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, testSimulator, type TestSim } from '../helpers/sim.js';
import { buildPage, hasChromium, openBrowser, screenshot, type Opened } from './browser.js';

const run = promisify(execFile);

describe.runIf(hasChromium)('the page', () => {
  let t: TestSim;
  let b: Opened;
  let lcKey: string;

  beforeAll(async () => {
    buildPage();
    t = await testSimulator();
    lcKey = (await t.fixtures()).leadconduit.credentials.user;
    b = await openBrowser();
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.sim.url });
  });
  afterAll(async () => {
    await b?.browser.close();
    await t?.close();
  });

  const lcList = () => fetch(`${t.sim.url}/leadconduit/connections`, { headers: basic(lcKey) });

  it('is served as HTML to a browser at / while API clients keep the JSON index', async () => {
    const html = await fetch(`${t.sim.url}/`, { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const json = await fetch(`${t.sim.url}/`);
    expect((await json.json()).connkit).toBe('simulator');
  });

  it('loads with no console error and shows every API with working credentials to copy', async () => {
    await b.page.goto(`${t.sim.url}/`);
    await b.page.getByTestId('api-leadconduit').getByTestId('fixture-leadconduit.credentials.user').click();
    const copied = await b.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(lcKey);
    const res = await fetch(`${t.sim.url}/leadconduit/connections`, { headers: basic(copied) });
    expect(res.status).toBe(200);
    for (const api of ['leadconduit', 'auth0', 'mycreditapp', 'wingfield']) {
      await expect(b.page.getByTestId(`curl-${api}`).innerText()).resolves.toContain(t.sim.url);
    }
    await screenshot(b.page, 'apis');
    expect(b.errors).toEqual([]);
  });

  it('switches sso-outage on and off: the next LeadConduit list is degraded, then not', async () => {
    await b.page.goto(`${t.sim.url}/#scenarios`);
    const toggle = b.page.getByTestId('switch-sso-outage');
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect((await lcList()).headers.get('x-connections-degraded')).toBe('true');
    await screenshot(b.page, 'scenarios');
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    expect((await lcList()).headers.get('x-connections-degraded')).toBeNull();
  });

  it('shows a scenario switched on elsewhere without a reload', async () => {
    await b.page.goto(`${t.sim.url}/#scenarios`);
    const toggle = b.page.getByTestId('switch-maintenance');
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await t.call({ method: 'PUT', path: '/__control/scenarios/maintenance', body: {} });
    await expect.poll(() => toggle.isChecked(), { timeout: 2000 }).toBe(true);
    await t.call({ method: 'DELETE', path: '/__control/scenarios/maintenance' });
    await expect.poll(() => toggle.isChecked(), { timeout: 2000 }).toBe(false);
  });

  it('lists a request in the journal within a second, and its curl replays it', async () => {
    await b.page.goto(`${t.sim.url}/#journal`);
    await b.page.getByTestId('journal-rows').waitFor();
    const marker = `relationship_type=buyer&_=${Date.now()}`;
    const original = await fetch(`${t.sim.url}/leadconduit/connections?${marker}`, { headers: basic(lcKey) });
    const seen = Date.now();
    const row = b.page.locator(`[data-testid=journal-row][data-url$="${marker}"]`);
    await row.waitFor({ timeout: 1000 });
    expect(Date.now() - seen).toBeLessThan(1000);
    await row.click();
    const curl = await b.page.getByTestId('replay-curl').innerText();
    expect(curl).toContain(marker);
    await screenshot(b.page, 'journal');
    const { stdout } = await run('sh', ['-c', `${curl} -w '\\n%{http_code}'`]);
    const status = stdout.slice(stdout.lastIndexOf('\n') + 1);
    expect(status).toBe(String(original.status));
    expect(stdout.slice(0, stdout.lastIndexOf('\n'))).toBe(await original.text());
  });

  it('keeps 1 000 journal entries usable: only the rows in view are drawn', async () => {
    // In batches: a thousand sockets at once overflow the listen backlog of a busy machine.
    for (let i = 0; i < 1000; i += 50)
      await Promise.all(Array.from({ length: 50 }, (_, j) => fetch(`${t.sim.url}/leadconduit/connections?n=${i + j}`)));
    await b.page.goto(`${t.sim.url}/#journal`);
    await expect
      .poll(async () => Number((await b.page.locator('.count').innerText()).split(' ')[0]), { timeout: 5000 })
      .toBeGreaterThanOrEqual(1000);
    expect(await b.page.getByTestId('journal-row').count()).toBeLessThan(100);
    await b.page.getByTestId('journal-rows').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => b.page.locator('[data-testid=journal-row][data-url$="n=0"]').count()).toBe(1);
  });

  it('resets the state from the page back to the seeded one', async () => {
    const seeded = (await t.call({ path: '/__control/state' })).text;
    const a0 = (await t.fixtures()).auth0;
    const org = a0.organizations.main.id;
    const gone = await fetch(
      `${t.sim.url}/auth0/api/v2/organizations/${org}/enabled_connections/${a0.organizations.main.connection_ids[0]}`,
      {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${a0.tokens.full}` },
      },
    );
    expect(gone.status).toBe(204);
    expect((await t.call({ path: '/__control/state' })).text).not.toBe(seeded);

    await b.page.goto(`${t.sim.url}/#state`);
    await b.page.getByTestId('state-table').waitFor();
    await b.page.getByTestId('reset').click();
    await expect(b.page.getByTestId('state-notice').innerText()).resolves.toContain('rebuilt from seed 42');
    expect((await t.call({ path: '/__control/state' })).text).toBe(seeded);
    await b.page.getByTestId('state-api-auth0').click();
    await b.page.getByTestId('collection-links').click();
    await expect.poll(() => b.page.getByTestId('state-range').innerText()).toMatch(/^1–\d+ of \d+$/);
    await screenshot(b.page, 'state');
  });

  it('renders the docs of each spec, and "try it" answers 200 with the credential and fixture ids filled in', async () => {
    // One read per spec; its required parameters come filled in from the fixtures.
    const reads: Record<string, string> = {
      leadconduit: '/connections',
      auth0: '/organizations/{id}/enabled_connections',
      mycreditapp: '/host-connections',
      wingfield: '/external-services/{externalServiceId}/organizations',
      control: '/health',
    };
    await b.page.goto(`${t.sim.url}/#docs`);
    for (const [spec, path] of Object.entries(reads)) {
      await b.page.getByTestId(`docs-${spec}`).click();
      await b.page.locator('.swagger .opblock').first().waitFor({ timeout: 30_000 });
      await expect(b.page.locator('.swagger .servers select').first().inputValue()).resolves.toContain(t.sim.url);
      if (spec === 'leadconduit') await screenshot(b.page, 'docs');
      const block = b.page.locator(`.opblock.opblock-get:has(.opblock-summary-path[data-path="${path}"])`).first();
      await block.locator('.opblock-summary').click();
      await block.locator('.execute').click();
      const status = block.locator('.live-responses-table tbody .response-col_status').first();
      await expect(status.innerText(), spec).resolves.toBe('200');
      if (spec === 'leadconduit') await screenshot(b.page, 'docs-try-it');
    }
  });
});
