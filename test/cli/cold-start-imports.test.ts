// What `connkit mock` loads before its first answer: the certificate libraries (tls-ca.ts pulls
// in @peculiar/x509 and asn1js, tls-leaf.ts selfsigned and pkijs) are loaded on the first TLS
// start only. Read from the import graph of src/, so a static import that brings them back
// into every start fails here rather than only in the bench's cold-start row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../scripts/import-graph.js';
import { packageRoot } from '../../src/paths.js';

const graph = importGraph(packageRoot, ['src']);

/** Every file loaded when `from` loads: run-time imports only, `import()` in a function body left out. */
function loadedWith(from: string): Set<string> {
  const seen = new Set([from]);
  const todo = [from];
  for (let f = todo.pop(); f !== undefined; f = todo.pop())
    for (const e of graph.edges)
      if (e.from === f && !e.typeOnly && !e.lazy && !seen.has(e.to)) {
        seen.add(e.to);
        todo.push(e.to);
      }
  return seen;
}

const certificateFiles = ['src/server/tls-ca.ts', 'src/server/tls-leaf.ts'];

describe('the cold start of connkit mock', () => {
  it('loads the CLI, the mock command and the server door without the certificate libraries', () => {
    for (const entry of ['src/cli.ts', 'src/server/index.ts']) {
      const loaded = loadedWith(entry);
      expect(loaded.has('src/server/tls.ts'), `${entry} loads tls.ts (its TLS start)`).toBe(true);
      for (const f of certificateFiles) expect(loaded.has(f), `${entry} loads ${f} at start`).toBe(false);
    }
  });

  it('reaches them from tls.ts on first use', () => {
    for (const f of certificateFiles)
      expect(graph.edges.find((e) => e.from === 'src/server/tls.ts' && e.to === f)?.lazy).toBe(true);
  });
});

// Node's own modules are outside the graph: read the server's imports of them from the source.
// https, tls and crypto serve a TLS start only, v8 the default memory budget only.
const firstUseOnly = /^import\s+(?!type\b)[^;]*?from\s+'node:(https|tls|crypto|v8)'/gm;

describe("the server's imports of Node's modules", () => {
  it('loads https, tls, crypto and v8 where they are used, not at import', () => {
    for (const f of ['src/server/tls.ts', 'src/server/listen.ts', 'src/server/memory.ts', 'src/server/index.ts']) {
      const text = readFileSync(join(packageRoot, f), 'utf8');
      expect(
        [...text.matchAll(firstUseOnly)].map((m) => m[0]),
        f,
      ).toEqual([]);
    }
  });
});
