import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../src/free-port.js';
import { specPath } from '../src/paths.js';
import type { VendorName } from '../src/contract/names.js';
import type { RecordedAnswer } from './bare-server.js';
import { base, type Endpoint } from './endpoints.js';
import { logDir, root, startProcess, type Proc, type Ready } from './proc.js';

/** A server other than connkit, labelled with exactly how it was started. */
export interface Peer {
  id: string;
  label: string;
  version: string;
  flags: string[];
  start(api: VendorName, answer: RecordedAnswer): Promise<Proc>;
  /** The path of an endpoint on this peer. */
  path(e: Endpoint): string;
}

const pkgVersion = (pkg: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
const prismBin = join(root, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
const mockoonBin = join(root, 'node_modules', '@mockoon', 'cli', 'bin', 'run.js');
// A peer is up when it answers its spec's own root: any HTTP answer, whatever the status.
const listening: Ready = { requests: [{ path: '/', anyStatus: true }] };

function prism(id: string, label: string, flags: string[]): Peer {
  return {
    id,
    label,
    version: `@stoplight/prism-cli ${pkgVersion('@stoplight/prism-cli')}`,
    flags: ['mock', '<spec>', ...flags],
    async start(api) {
      const port = await freePort();
      return startProcess(
        `${id}-${api}`,
        process.execPath,
        [prismBin, 'mock', specPath(api), '--host', '127.0.0.1', '--port', String(port), ...flags],
        port,
        listening,
      );
    },
    path: (e) => base(e.api, 'root') + e.path,
  };
}

/**
 * Mockoon CLI 9 converts an OpenAPI file at start exactly as `mockoon-cli import` does (both
 * call its OpenApiConverter): each operation's first response becomes the default, its body a
 * template built from the schema with faker helpers, rendered on every request; the spec's
 * examples become further responses that no rule selects. Routes hang under the base path of
 * `servers[0]`. `-X` keeps the log on stdout only (no log file), `--disable-admin-api` drops its
 * admin routes from the router.
 */
const mockoonFlags = ['--disable-log-to-file', '--disable-admin-api'];
export const mockoon: Peer = {
  id: 'mockoon',
  label: 'Mockoon CLI from the spec',
  version: `@mockoon/cli ${pkgVersion('@mockoon/cli')}`,
  flags: ['start', '--data', '<spec>', ...mockoonFlags],
  async start(api) {
    const port = await freePort();
    return startProcess(
      `mockoon-${api}`,
      process.execPath,
      [
        mockoonBin,
        'start',
        '--data',
        specPath(api),
        '--port',
        String(port),
        '--hostname',
        '127.0.0.1',
        ...mockoonFlags,
      ],
      port,
      listening,
    );
  },
  path: (e) => base(e.api, 'mockoon') + e.path,
};

export const bare: Peer = {
  id: 'bare',
  label: 'bare node:http, connkit’s exact answer',
  version: `node ${process.version}`,
  flags: ['node:http', 'same status, headers and body bytes'],
  async start(api, answer) {
    const port = await freePort();
    mkdirSync(logDir, { recursive: true });
    const file = join(logDir, `bare-${api}.json`);
    writeFileSync(file, JSON.stringify(answer));
    return startProcess(
      `bare-${api}`,
      process.execPath,
      ['--import', 'tsx', join(root, 'bench', 'bare-server.ts'), file, String(port)],
      port,
      listening,
    );
  },
  path: (e) => e.path,
};

export const prismStatic = prism('prism-static', 'Prism static, -v error', ['-v', 'error']);
export const prismStaticLogging = prism('prism-static-log', 'Prism static, default logging (info)', []);
export const prismDynamic = prism('prism-dynamic', 'Prism dynamic, -d -v error', ['-d', '-v', 'error']);

/** The peers every headline read is measured against, in the order they are printed; --quick keeps the two with targets. */
export const readPeers = (quick: boolean): Peer[] =>
  quick ? [prismStatic, mockoon] : [prismStatic, prismStaticLogging, prismDynamic, mockoon];
