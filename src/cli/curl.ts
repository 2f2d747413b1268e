import { Command } from 'commander';
import { vendorNames } from '../contract/names.js';
import { defaultPort } from './mock.js';
import { oneLineErrors, parseApi, parseToken } from './parse.js';

export const defaultUrl = `http://127.0.0.1:${defaultPort}`;

interface CurlFlags {
  url: string;
  session?: string;
  controlToken?: string;
}

interface Examples {
  apis: { name: string; curl?: string }[];
}

const isExamples = (v: unknown): v is Examples =>
  typeof v === 'object' && v !== null && 'apis' in v && Array.isArray(v.apis);

/** A shell word: single-quoted unless it is plainly safe. */
const shellWord = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

/**
 * The curl a running simulator offers for one API, from the same view the page shows: the
 * credentials are the session's own, so it works as printed (`eval "$(connkit curl auth0)"`).
 */
export async function exampleCurl(api: string, flags: CurlFlags): Promise<string> {
  const base = flags.url.replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  if (flags.session) headers['X-Connkit-Session'] = flags.session;
  if (flags.controlToken) headers['X-Connkit-Control-Token'] = flags.controlToken;
  let res: Response;
  try {
    res = await fetch(`${base}/__page/examples`, { headers });
  } catch (e) {
    throw new Error(
      `no connkit answers at ${base} (${e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e)}): start one with \`connkit mock\` or give --url`,
      { cause: e },
    );
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok || !isExamples(body))
    throw new Error(
      `${base} answered ${res.status} to /__page/examples: is it connkit${flags.controlToken ? '' : ' (a remote one needs --control-token)'}?`,
    );
  const found = body.apis.find((a) => a.name === api);
  if (!found?.curl)
    throw new Error(
      `${base} does not serve ${api} (it serves ${body.apis.map((a) => a.name).join(', ') || 'nothing'})`,
    );
  return flags.session
    ? found.curl.replace(/^curl /, `curl -H ${shellWord(`X-Connkit-Session: ${flags.session}`)} `)
    : found.curl;
}

export function curlCommand(): Command {
  const cmd = new Command('curl')
    .description('print a working curl for one API of a running simulator (the banner and the page show where it is)')
    .argument('<api>', `the API (${vendorNames.join(', ')})`, parseApi)
    .option('--url <url>', 'the simulator', defaultUrl)
    .option('--session <name>', "a named session's credentials and data")
    .option('--control-token <token>', 'for a simulator on another machine (its --control-token)', parseToken)
    .configureOutput(oneLineErrors);
  cmd.action(async (api: string, flags: CurlFlags) => {
    try {
      console.log(await exampleCurl(api, flags));
    } catch (e) {
      cmd.error(`error: ${e instanceof Error ? e.message : String(e)}`, { exitCode: 2, code: 'connkit.curl' });
    }
  });
  return cmd;
}
