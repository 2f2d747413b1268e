import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stateDir } from '../src/state-dir.js';

/**
 * Where a run records the fixtures it used up when no --state-file is given: one file per API
 * and target in connkit's state folder, so another --out (or another working directory) does
 * not forget what the target already lost.
 */
export function defaultStateFile(api: string, target: string, env: NodeJS.ProcessEnv = process.env): string {
  const readable = new URL(target).host.replace(/[^\w.-]+/g, '_');
  const digest = createHash('sha256').update(target).digest('hex').slice(0, 12);
  return join(stateDir(env), 'verify', `${api}-${readable}-${digest}.json`);
}

/** One profile fixture a run used up. */
export interface Consumed {
  api: string;
  target: string;
  fixture: string;
  value: string;
  check: string;
  at: string;
}

interface StateFileJson {
  connkit: 'verify-state';
  version: 1;
  consumed: Consumed[];
}

/**
 * What earlier runs used up of their profiles' fixtures (a connect token claimed, a connection
 * repaired), so that a later run against the same target skips what is gone instead of failing.
 */
export class Ledger {
  private readonly earlier: Consumed[];
  private readonly now: Consumed[] = [];

  private constructor(
    readonly file: string | undefined,
    readonly api: string,
    readonly target: string,
    all: Consumed[],
  ) {
    this.earlier = all;
  }

  static async open(file: string | undefined, api: string, target: string): Promise<Ledger> {
    if (!file) return new Ledger(undefined, api, target, []);
    let all: Consumed[] = [];
    try {
      const json = JSON.parse(await readFile(file, 'utf8')) as StateFileJson;
      if (json?.connkit === 'verify-state' && Array.isArray(json.consumed)) all = json.consumed;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new Error(`state file ${file} cannot be read: ${(e as Error).message}`, { cause: e });
    }
    return new Ledger(file, api, target, all);
  }

  /** The earlier run that used `value` of `fixture` up, if one did. */
  usedBefore(fixture: string, value: string): Consumed | undefined {
    return this.earlier.find(
      (c) => c.api === this.api && c.target === this.target && c.fixture === fixture && c.value === value,
    );
  }

  usedNow(fixture: string, value: string): boolean {
    return this.now.some((c) => c.fixture === fixture && c.value === value);
  }

  record(fixture: string, value: string, check: string): void {
    this.now.push({ api: this.api, target: this.target, fixture, value, check, at: new Date().toISOString() });
  }

  async save(): Promise<void> {
    if (!this.file || !this.now.length) return;
    await mkdir(dirname(this.file), { recursive: true });
    const json: StateFileJson = { connkit: 'verify-state', version: 1, consumed: [...this.earlier, ...this.now] };
    await writeFile(this.file, `${JSON.stringify(json, null, 2)}\n`);
  }
}

/** How the state file names a fixture: the string itself, or the id or token of an object (never its credentials). */
export const keyOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const v = value as { id?: unknown; token?: unknown };
  return typeof v?.id === 'string' ? v.id : typeof v?.token === 'string' ? v.token : JSON.stringify(value);
};
