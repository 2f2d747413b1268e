import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The same module runs from src/ (tsx, vitest) and from dist/src/ (npm start), so the
// package root is found by walking up rather than by a fixed number of "..".
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`connkit: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const specsDir = join(packageRoot, 'specs');
export const specPath = (name: string): string => join(specsDir, `${name}.yaml`);
