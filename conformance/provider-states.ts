import { spawn } from 'node:child_process';
import type { components } from '../src/generated/control.js';
import { fieldName } from '../src/sim/errors.js';
import { describeIssue } from '../src/sim/issues.js';
import { toIssues } from '../src/contract/index.js';
import { specIndex } from '../src/contract/registry.js';
import type { StateAnswers, StateName } from './types.js';
import { causeOf } from './errors.js';
import { readCapped } from './http.js';

type Source = components['schemas']['ProviderStateSource'];

/** A provider-state source that failed: the message names the state and the source. */
export class ProviderStateError extends Error {}

export interface FixtureSource {
  /** How reports name it: the URL or the command. */
  name: string;
  mint<N extends StateName>(state: N, params: object): Promise<StateAnswers[N]>;
}

const answerSchema: Record<StateName, string> = {
  'open connect token': 'OpenConnectTokenFixture',
  'sso-only connection': 'SsoOnlyConnectionFixture',
  'pending invitation': 'PendingInvitationFixture',
  'unlinked auth0 connection': 'UnlinkedAuth0ConnectionFixture',
  'user without a seat': 'UserWithoutSeatFixture',
};

/** Parses and checks an answer against the state's schema in specs/control.yaml. */
function answer<N extends StateName>(state: N, text: string, from: string): StateAnswers[N] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProviderStateError(
      `provider state "${state}" from ${from}: the answer is not JSON: ${JSON.stringify(text.slice(0, 200))}`,
    );
  }
  const validate = specIndex('control').schemaValidator(`/components/schemas/${answerSchema[state]}`);
  if (!validate(value)) {
    const problems = toIssues('body', validate.errors).map(
      (i) => `${fieldName(['fixture', ...i.path])} ${describeIssue(i)}`,
    );
    throw new ProviderStateError(`provider state "${state}" from ${from}: ${[...new Set(problems)].join('; ')}`);
  }
  return value as StateAnswers[N];
}

/** `POST {state, params}` to a URL (the simulator's /__control/provider-states, or the vendor's own). */
export function urlSource(url: string, headers: Record<string, string>, timeoutMs: number): FixtureSource {
  return {
    name: url,
    async mint(state, params) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ state, params }),
          // The profile's headers (credentials) are for this URL only: a redirect elsewhere would carry them.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new ProviderStateError(`provider state "${state}": ${url} is unreachable: ${causeOf(e)}`);
      }
      if (res.status >= 300 && res.status <= 399) {
        await res.body?.cancel();
        throw new ProviderStateError(
          `provider state "${state}": ${url} answered ${res.status} (a redirect, not followed: the source's headers go to its own URL only)`,
        );
      }
      let text: string;
      try {
        text = await readCapped(res);
      } catch (e) {
        throw new ProviderStateError(`provider state "${state}": ${url}: ${causeOf(e)}`);
      }
      if (!res.ok)
        throw new ProviderStateError(`provider state "${state}": ${url} answered ${res.status}: ${text.slice(0, 300)}`);
      return answer(state, text, url);
    },
  };
}

/** A command run through the shell in `cwd`: the request as JSON on stdin, the fixture as JSON on stdout. */
export function commandSource(command: string, cwd: string, timeoutMs: number): FixtureSource {
  return {
    name: command,
    mint(state, params) {
      return new Promise((resolve, reject) => {
        const child = spawn(command, { cwd, shell: true, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.on('error', (e) =>
          reject(new ProviderStateError(`provider state "${state}": command ${command} could not start: ${e.message}`)),
        );
        child.stdin.on('error', () => undefined); // a command that never reads stdin
        child.on('close', (code, signal) => {
          const stderr = Buffer.concat(err).toString('utf8').trim().slice(0, 300);
          if (code !== 0)
            return reject(
              new ProviderStateError(
                `provider state "${state}": command ${command} ${signal ? `was stopped (${signal})` : `exited with ${code}`}${stderr ? `: ${stderr}` : ''}`,
              ),
            );
          try {
            resolve(answer(state, Buffer.concat(out).toString('utf8'), `command ${command}`));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        child.stdin.end(JSON.stringify({ state, params }));
      });
    },
  };
}

export function sourceOf(source: Source, profileDir: string, timeoutMs: number): FixtureSource {
  return 'url' in source
    ? urlSource(source.url, source.headers ?? {}, timeoutMs)
    : commandSource(source.command, profileDir, timeoutMs);
}
