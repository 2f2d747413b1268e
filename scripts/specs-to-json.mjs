// Build step: each specs/<name>.yaml as JSON in dist/specs/, stamped with the YAML's hash.
// JSON loads in a fraction of YAML's time at start-up; the stamp keeps an edited spec from
// being served stale (readSpec falls back to the YAML when the hash differs).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'specs');
mkdirSync(out, { recursive: true });
for (const file of readdirSync(join(root, 'specs')).filter((f) => /^[a-z0-9]+\.yaml$/.test(f))) {
  const text = readFileSync(join(root, 'specs', file), 'utf8');
  const hash = createHash('sha256').update(text).digest('hex');
  writeFileSync(join(out, file.replace(/\.yaml$/, '.json')), JSON.stringify({ hash, spec: parse(text) }));
}
