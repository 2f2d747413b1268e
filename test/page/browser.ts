import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { packageRoot } from '../../src/paths.js';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the tests leave their screenshots (gitignored). */
export const outputDir = join(packageRoot, 'test-output', 'page');

/** The page as `npm run build` makes it, built afresh so the tests see the sources they run with. */
export function buildPage(): void {
  execFileSync(process.execPath, [join(packageRoot, 'scripts', 'build-page.mjs')], { stdio: 'inherit' });
}

export interface Opened {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions of the page, as they happened. */
  errors: string[];
}

export async function openBrowser(): Promise<Opened> {
  mkdirSync(outputDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { browser, context, page, errors };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(outputDir, `${name}.png`) });
