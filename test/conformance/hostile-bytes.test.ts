import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../conformance/verify.js';
import { packageRoot } from '../../src/paths.js';

/** An implementation that answers every request with control characters, invalid UTF-8 and 5 MB of body. */
const hostile = Buffer.concat([
  Buffer.from('{"error":"\u0000\u0001\u0007\u001b[2J\u001b[31mred\r\u0085\u009b'),
  Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
  Buffer.from(' ]]></failure></testcase><script>alert(1)</script> &amp; "\''),
  Buffer.alloc(5 * 1024 * 1024, 'A'),
]);

let server: Server;
let url: string;
let out: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    _req.resume();
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(hostile);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}/api/v1`;
  out = await mkdtemp(join(tmpdir(), 'connkit-hostile-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(out, { recursive: true, force: true });
});

describe('reports of a target answering hostile bytes', () => {
  it('JUnit parses, the HTML is well-formed, the console stays on its lines', async () => {
    const profile = join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml');
    const r = await verify({
      api: 'wingfield',
      target: url,
      profile,
      reporters: ['console', 'json', 'junit', 'html'],
      out,
      progress: null,
      stateFile: null,
      checks: ['wf_claim_once', 'wf_counts', 'missing_auth_rejected', 'not_a_server_error'],
    });
    expect(r.exitCode).toBe(1);
    expect(r.report!.totals.failed).toBeGreaterThan(3);

    const junit = await readFile(join(out, 'verify-wingfield.junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(junit);
    const cases = [parsed.testsuites.testsuite].flat().flatMap((s: any) => [s.testcase ?? []].flat());
    expect(cases.length).toBe(r.report!.outcomes.length);
    expect(junit).toContain('\uFFFD');

    const html = await readFile(join(out, 'verify-wingfield.html'), 'utf8');
    expect(XMLValidator.validate(html.replace(/^<!DOCTYPE html>/, ''))).toBe(true);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('The body was cut');
    expect(html.length).toBeLessThan(2 * 1024 * 1024);
    expect(html.indexOf('id="failures"')).toBeLessThan(html.indexOf('class="matrix"'));

    const json = JSON.parse(await readFile(join(out, 'verify-wingfield.json'), 'utf8'));
    expect(json.totals).toEqual(r.report!.totals);
    expect(JSON.stringify(json).length).toBeLessThan(5 * 1024 * 1024);

    // C0 controls but the newline, DEL and C1: none may reach a terminal.
    const control = (c: string) => {
      const n = c.charCodeAt(0);
      return n <= 0x09 || (n >= 0x0b && n <= 0x1f) || (n >= 0x7f && n <= 0x9f);
    };
    expect([...r.console].filter(control)).toEqual([]);
    const failed = r.report!.outcomes.filter((o) => o.status === 'failed');
    const tail = r.console.split('\n').slice(-failed.length);
    expect(tail.every((line) => line.startsWith('FAILED '))).toBe(true);
    expect(tail.every((line) => line.length < 220)).toBe(true);
  }, 120_000);
});
