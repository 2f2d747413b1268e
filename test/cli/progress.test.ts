import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { progressRenderer } from '../../src/cli/progress.js';
import { packageRoot } from '../../src/paths.js';
import { stopChild } from '../helpers/processes.js';

const esc = String.fromCharCode(27);

/** A stream that keeps what it is given, and a clock the test moves. */
function setup(tty: boolean, color = false) {
  let text = '';
  let t = 0;
  const renderer = progressRenderer({
    out: { isTTY: tty, columns: 100, write: (s: string) => (text += s) },
    color,
    now: () => t,
  });
  return { renderer, text: () => text, at: (ms: number) => (t = ms) };
}

describe('world-build progress', () => {
  it('off a terminal: a line every two seconds with records/s and the estimate, then one when built', () => {
    const { renderer, text, at } = setup(false);
    renderer.update({ api: 'mycreditapp', done: 0, total: 1_000_000 });
    at(1000);
    renderer.update({ api: 'mycreditapp', done: 100_000, total: 1_000_000 });
    expect(text()).toBe('');
    at(2000);
    renderer.update({ api: 'mycreditapp', done: 200_000, total: 1_000_000 });
    at(3000);
    renderer.update({ api: 'mycreditapp', done: 300_000, total: 1_000_000 });
    at(4000);
    renderer.update({ api: 'mycreditapp', done: 400_000, total: 1_000_000 });
    at(5000);
    renderer.update({ api: 'mycreditapp', done: 1_000_000, total: 1_000_000 });
    expect(text().split('\n')).toEqual([
      'connkit: building the mycreditapp world: 200,000 of 1,000,000 records (20%), 100,000 records/s, about 8 s left',
      'connkit: building the mycreditapp world: 400,000 of 1,000,000 records (40%), 100,000 records/s, about 6 s left',
      'connkit: built the mycreditapp world: 1,000,000 records in 5 s (200,000 records/s)',
      '',
    ]);
  });

  it('says nothing of a world built in a blink', () => {
    for (const tty of [false, true]) {
      const { renderer, text, at } = setup(tty);
      renderer.update({ api: 'auth0', done: 0, total: 20 });
      at(30);
      renderer.update({ api: 'auth0', done: 20, total: 20 });
      renderer.stop();
      expect(text()).toBe('');
    }
  });

  it('on a terminal: one bar redrawn in place, at most every 100 ms, ended by a newline', () => {
    const { renderer, text, at } = setup(true);
    renderer.update({ api: 'leadconduit', done: 0, total: 1000 });
    at(600);
    renderer.update({ api: 'leadconduit', done: 500, total: 1000 });
    at(650);
    renderer.update({ api: 'leadconduit', done: 550, total: 1000 });
    at(800);
    renderer.update({ api: 'leadconduit', done: 800, total: 1000 });
    at(1000);
    renderer.update({ api: 'leadconduit', done: 1000, total: 1000 });
    const draws = text().split('\r').filter(Boolean);
    expect(draws).toHaveLength(3);
    expect(draws[0]).toMatch(/^building leadconduit █+░+ 50% 500\/1,000 records, 833 records\/s, about 1 s left/);
    expect(draws[2]).toMatch(/^building leadconduit █+ 1,000 records in 1 s, 1,000 records\/s/);
    expect(draws[2].endsWith(`${esc}[K\n`)).toBe(true);
    // Without colour (NO_COLOR), no SGR escape: only the erase-line one the redraw needs.
    expect(text()).not.toMatch(new RegExp(`${esc}\\[\\d+m`));
    for (const d of draws) expect(d.replace(`${esc}[K`, '').trimEnd().length).toBeLessThanOrEqual(100);
  });

  it('colours the bar when colour is on, and stop() ends a bar a failed build left open', () => {
    const { renderer, text, at } = setup(true, true);
    renderer.update({ api: 'wingfield', done: 0, total: 1000 });
    at(700);
    renderer.update({ api: 'wingfield', done: 300, total: 1000 });
    expect(text()).toMatch(new RegExp(`${esc}\\[36m█+${esc}\\[39m`));
    expect(text().endsWith('\n')).toBe(false);
    renderer.stop();
    expect(text().endsWith('\n')).toBe(true);
  });
});

describe('connkit mock with a large world', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('prints build progress with records/s before the banner (not a TTY)', async () => {
    const cli = join(packageRoot, 'src', 'cli.ts');
    // One pipe for both streams (2>&1), so what arrives is in the order it was written.
    const child = spawn(
      'sh',
      [
        '-c',
        'exec "$@" 2>&1',
        'sh',
        process.execPath,
        '--import',
        'tsx',
        cli,
        'mock',
        '--port',
        '0',
        '--log-level',
        'silent',
        '--api',
        'mycreditapp',
        '--size',
        'mycreditapp=200000',
      ],
      { cwd: packageRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    stop = () => stopChild(child);
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('control API')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`connkit exited ${code}: ${out}`)));
    });
    const banner = out.indexOf('connkit simulator on');
    const before = out.slice(0, banner).split('\n').filter(Boolean);
    expect(banner).toBeGreaterThan(0);
    expect(before.at(-1)).toMatch(
      /^connkit: built the mycreditapp world: [\d,]+ records in \d+ s \([\d,]+ records\/s\)$/,
    );
    for (const line of before.slice(0, -1))
      expect(line).toMatch(
        /^connkit: building the mycreditapp world: [\d,]+ of [\d,]+ records \(\d+%\), [\d,]+ records\/s, /,
      );
  }, 90_000);
});
