import { describe, expect, it } from 'vitest';
import {
  defaultPort,
  defaultSeed,
  defaultTlsPort,
  parseMock,
  UsageError,
  type StartOptions,
} from '../../src/cli/mock.js';
import { scenarioCatalog } from '../../src/sim/vendors/index.js';
import * as server from '../../src/server/index.js';
import { vendorNames } from '../../src/contract/names.js';

/** The one line `connkit mock <argv>` prints before exiting 2. */
function refusal(argv: string[]): string {
  try {
    parseMock(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

const every = (n: number) => Object.fromEntries(vendorNames.map((v) => [v, n]));
const huge = '99999999999999999999';

/**
 * Each flag over its edge values (0, 1, the default, very large, malformed): a value is
 * either taken as meant or refused with one line that names the flag.
 */
const walk: Record<
  string,
  { ok: [string[], Partial<StartOptions> | ((o: StartOptions) => void)][]; bad: string[][]; names: RegExp }
> = {
  '--port': {
    ok: [
      [['--port', '0'], { port: 0 }],
      [['-p', '1'], { port: 1 }],
      [[], { port: 4010 }],
      [['--port', '65535'], { port: 65535 }],
      [['--port', ' 8080 '], { port: 8080 }],
    ],
    bad: [
      ['--port', '65536'],
      ['--port', huge],
      ['--port', 'abc'],
      ['--port', '-1'],
      ['--port', '1.5'],
      ['--port', '1e3'],
      ['--port', '0x10'],
      ['--port', ''],
    ],
    names: /--port/,
  },
  '--host': {
    ok: [
      [[], { host: '127.0.0.1' }],
      [['--host', '0.0.0.0'], { host: '0.0.0.0' }],
      [['--host', '::1'], { host: '::1' }],
      [['--host', 'localhost'], { host: 'localhost' }],
    ],
    bad: [
      ['--host', ''],
      ['--host', ' '],
      ['--host', 'a b'],
      ['--host', 'http://x/'],
    ],
    names: /--host/,
  },
  '--seed': {
    ok: [
      [['--seed', '0'], { seed: 0 }],
      [['-s', '1'], { seed: 1 }],
      [[], { seed: 42 }],
      [['--seed', '4294967295'], { seed: 4294967295 }],
    ],
    bad: [
      ['--seed', '4294967296'],
      ['--seed', huge],
      ['--seed', '-1'],
      ['--seed', 'x'],
      ['--seed', ''],
    ],
    names: /--seed/,
  },
  '--size': {
    ok: [
      [['--size', '1'], { sizes: every(1) }],
      [[], { sizes: undefined }],
      [['--size', '20'], { sizes: every(20) }],
      [['--size', '1000000'], { sizes: every(1_000_000) }],
      [['--size', 'auth0=1, wingfield=2'], { sizes: { auth0: 1, wingfield: 2 } }],
    ],
    bad: [
      ['--size', '0'],
      ['--size', '1000001'],
      ['--size', huge],
      ['--size', 'auth0=0'],
      ['--size', 'auth0='],
      ['--size', 'foo=1'],
      ['--size', 'auth0=1=2'],
      ['--size', 'abc'],
      ['--size', '-3'],
      ['--size', ''],
    ],
    names: /--size/,
  },
  '--api': {
    ok: [
      [['--api', 'auth0'], { apis: ['auth0'] }],
      [['--api', 'auth0,auth0'], { apis: ['auth0'] }],
      [[], { apis: undefined }],
      [['--api', vendorNames.join(',')], { apis: [...vendorNames] }],
    ],
    bad: [
      ['--api', ''],
      ['--api', ','],
      ['--api', 'foo'],
      ['--api', 'auth0,foo'],
    ],
    names: /--api/,
  },
  '--scenario': {
    ok: [
      [[], { scenarios: [] }],
      ...scenarioCatalog.list.map((s): [string[], Partial<StartOptions>] => [
        ['--scenario', s.name],
        { scenarios: [{ name: s.name }] },
      ]),
    ],
    bad: [
      ['--scenario', 'nope'],
      ['--api', 'auth0', '--scenario', 'maintenance'],
      ['--api', 'wingfield', '--scenario', 'sso-outage'],
    ],
    names: /--scenario/,
  },
  '--no-cors': {
    ok: [
      [[], { cors: true }],
      [['--no-cors'], { cors: false }],
    ],
    bad: [],
    names: /cors/,
  },
  '--control-token': {
    ok: [
      [['--control-token', 's3cret'], { controlToken: 's3cret' }],
      [['--control-token', '1'], { controlToken: '1' }],
      [[], { controlToken: undefined }],
      [['--control-token', 'x'.repeat(4096)], (o) => expect(o.controlToken).toHaveLength(4096)],
    ],
    bad: [
      ['--control-token', ''],
      ['--control-token', 'two words'],
      ['--control-token', 'caf\u00e9'],
      ['--control-token', 'a\nb'],
    ],
    names: /--control-token/,
  },
  '--validate-responses': {
    ok: [
      [[], { validateResponses: undefined }],
      [['--validate-responses'], { validateResponses: true }],
    ],
    bad: [],
    names: /validate/,
  },
  '--max-sessions': {
    ok: [
      [['--max-sessions', '1'], { maxSessions: 1 }],
      [[], { maxSessions: 100 }],
      [['--max-sessions', '1000000'], { maxSessions: 1_000_000 }],
    ],
    bad: [
      ['--max-sessions', '0'],
      ['--max-sessions', '1000001'],
      ['--max-sessions', huge],
      ['--max-sessions', 'many'],
    ],
    names: /--max-sessions/,
  },
  '--journal-size': {
    ok: [
      [['--journal-size', '1'], { journalSize: 1 }],
      [[], { journalSize: 1000 }],
      [['--journal-size', '1000000'], { journalSize: 1_000_000 }],
    ],
    bad: [
      ['--journal-size', '0'],
      ['--journal-size', '1000001'],
      ['--journal-size', huge],
      ['--journal-size', '1k'],
    ],
    names: /--journal-size/,
  },
  '--log-level': {
    ok: [
      [[], { logLevel: 'info' }],
      ...['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l): [string[], Partial<StartOptions>] => [
        ['--log-level', l],
        { logLevel: l as 'info' },
      ]),
    ],
    bad: [
      ['--log-level', 'loud'],
      ['--log-level', '0'],
      ['--log-level', ''],
    ],
    names: /--log-level/,
  },
  '--tls, --tls-port': {
    ok: [
      [[], (o) => expect(o.tls).toBeUndefined()],
      [['--tls'], { tls: { port: defaultTlsPort, cert: undefined, key: undefined } }],
      [['--tls-port', '0'], { tls: { port: 0, cert: undefined, key: undefined } }],
      [['--tls-port', '1'], (o) => expect(o.tls?.port).toBe(1)],
      [['--tls', '--tls-port', '65535'], (o) => expect(o.tls?.port).toBe(65535)],
      [['--port', '0', '--tls-port', '0'], (o) => expect([o.port, o.tls?.port]).toEqual([0, 0])],
    ],
    bad: [
      ['--tls-port', '65536'],
      ['--tls-port', huge],
      ['--tls-port', 'x'],
      ['--tls-port', '-1'],
      ['--port', '5000', '--tls-port', '5000'],
      ['--tls', '--port', '4443'],
    ],
    names: /--tls-port/,
  },
  '--tls-cert, --tls-key': {
    ok: [
      [['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], { tls: { port: defaultTlsPort, cert: 'c.pem', key: 'k.pem' } }],
    ],
    bad: [
      ['--tls-cert', 'c.pem'],
      ['--tls-key', 'k.pem'],
      ['--tls', '--tls-cert', '', '--tls-key', 'k.pem'],
      ['--tls-cert', 'c.pem', '--tls-key', ''],
    ],
    names: /--tls-(cert|key)/,
  },
};

describe('connkit mock: every flag over its edge values', () => {
  for (const [flag, { ok, bad, names }] of Object.entries(walk)) {
    it(`${flag}: accepted values are taken as meant`, () => {
      for (const [argv, want] of ok) {
        const options = parseMock(argv);
        if (typeof want === 'function') want(options);
        else expect(options, argv.join(' ')).toMatchObject(want);
      }
    });
    if (bad.length)
      it(`${flag}: a value that cannot work is refused in one line naming the flag`, () => {
        for (const argv of bad) {
          const line = refusal(argv);
          expect(line, argv.join(' ')).not.toContain('\n');
          expect(line, argv.join(' ')).toMatch(names);
        }
      });
  }

  it("the defaults are startSimulator's own", () => {
    expect([defaultPort, defaultSeed]).toEqual([server.defaultPort, server.defaultSeed]);
  });

  it('unknown flags and stray arguments are refused too', () => {
    expect(refusal(['--bogus'])).toMatch(/unknown option '--bogus'/);
    expect(refusal(['stray'])).toMatch(/too many arguments|unknown/);
  });
});

describe('connkit mock: small and edge worlds start and serve every API', () => {
  const start = (argv: string[]) =>
    server.startSimulator({ ...parseMock([...argv, '--port', '0', '--log-level', 'silent']), validateResponses: true });

  it('--size 1 … 7 build every API (the fixtures every check needs, and a 200 from each)', async () => {
    for (let n = 1; n <= 7; n++) {
      const sim = await start(['--size', String(n)]);
      try {
        const res = await fetch(`${sim.url}/__control/fixtures`);
        expect(res.status, `--size ${n}`).toBe(200);
        const fixtures = (await res.json()) as { apis: Record<string, unknown> };
        expect(Object.keys(fixtures.apis).sort(), `--size ${n}`).toEqual([...vendorNames].sort());
      } finally {
        await sim.close();
      }
    }
  });

  it('the extreme seeds, one session and a one-entry journal', async () => {
    for (const seed of ['0', '4294967295']) {
      const sim = await start(['--seed', seed, '--max-sessions', '1', '--journal-size', '1']);
      try {
        const health = (await (await fetch(`${sim.url}/__control/health`)).json()) as { seed: number };
        expect(health.seed).toBe(Number(seed));
        for (const session of ['a', 'b'])
          expect(
            (await fetch(`${sim.url}/__control/fixtures`, { headers: { 'X-Connkit-Session': session } })).status,
          ).toBe(200);
        const journal = (await (await fetch(`${sim.url}/__control/journal`)).json()) as { entries: unknown[] };
        expect(journal.entries.length).toBeLessThanOrEqual(1);
      } finally {
        await sim.close();
      }
    }
  });
});
