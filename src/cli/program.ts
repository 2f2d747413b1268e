import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneLineErrors } from './parse.js';
import { packageRoot } from '../paths.js';

/**
 * The `connkit` program without its commands: the full CLI (src/cli.ts) and the mock's own
 * entry (src/cli/mock-main.ts, a smaller bundle for the command that must start fast) add
 * theirs to the same settings, so both answer --version, help and errors alike.
 */
export function connkitProgram(): Command {
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  // Exit codes, the same for every command: 0 success, 1 checks failed, 2 usage, bad input or an unreachable target.
  return new Command('connkit')
    .description('Contract-first mock server and conformance kit for connection APIs')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .configureOutput(oneLineErrors)
    .exitOverride();
}

// No top-level await: the bundled CLI is one CommonJS script (run through V8's code cache).
export async function run(program: Command): Promise<void> {
  try {
    await program.parseAsync();
  } catch (e) {
    // Help and --version end with code 0; every usage error commander or a command raised, with 2.
    if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
    console.error(
      `error: ${(e as Error).message}${process.env.CONNKIT_DEBUG ? `\n${(e as Error).stack}` : ' (CONNKIT_DEBUG=1 shows where)'}`,
    );
    process.exit(2);
  }
}
