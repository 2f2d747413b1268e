import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { specIndex } from '../src/contract/registry.js';
import { isVendorName, vendorNames, type VendorName } from '../src/contract/names.js';
import { adapters } from './adapters/index.js';
import { allCheckNames, probeChecks } from './checks/registry.js';
import { responseChecks } from './checks/response.js';
import { controlClient, ControlError } from './control.js';
import { defaultMaxResponseBytes, withLimits } from './http.js';
import { loadProfile, ProfileError, validateProfile } from './profile.js';
import { sourceOf, urlSource, type FixtureSource } from './provider-states.js';
import { profileSecrets, redactDeep, redactor } from './redact.js';
import { defaultStateFile, Ledger } from './state-file.js';
import { buildReport, type Report } from './report.js';
import { consoleReport, fileReporters, reporterNames, type ReporterName } from './reporters/index.js';
import { runChecks } from './runner.js';
import { runModelTier } from './model/tier.js';
import { modelProgress, progressEveryMs } from './model/progress.js';
import { vendorModules } from '../src/sim/vendors/index.js';
import { jsonObserver } from '../src/sim/observe.js';
import { tiers, type AnyProfile, type Tier } from './types.js';
import { causeOf } from './errors.js';

/** The model tier's defaults: a few seconds per API against the simulator, a minute at most. */
export const defaultModelRuns = 30;
export const defaultMaxSteps = 12;
export const defaultModelBudgetMs = 60_000;

export interface VerifyOptions {
  api: string;
  target: string;
  profile?: string;
  control?: string;
  reporters?: string[];
  out?: string;
  checks?: string[];
  skip?: string[];
  seed?: number;
  timeoutMs?: number;
  /** Checks run at once where they may share the target (1 by default). */
  concurrency?: number;
  /** Where used-up profile fixtures are recorded (one file per API and target in connkit's state folder by default); null for nowhere. */
  stateFile?: string | null;
  /** The tiers to run (every one by default); `model` is the model tier. */
  tiers?: string[];
  /** Model tier: random sequences per API, steps per sequence at most, and its time budget. */
  modelRuns?: number;
  maxSteps?: number;
  modelBudgetMs?: number;
  /**
   * Model tier: send writes too. On by default with `control` (each run starts from a reset);
   * off without it, where nothing resets the target and the next run's named checks would meet
   * fixtures the tier used up: reads only, unless this says so.
   */
  modelWrites?: boolean;
  /**
   * Stop after this many failures: no further check starts and the model tier is left out (all
   * by default). A run that stopped names what it did not run; its exit code is still 1.
   */
  maxFailures?: number;
  /** Answers longer than this are not read (16 MiB by default): a finding of the check that got one. */
  maxResponseBytes?: number;
  /** Profile secrets replaced by their profile path in every report (true by default). */
  redact?: boolean;
  /** Where progress goes (stderr by default); null for none. */
  progress?: ((line: string) => void) | null;
}

export interface VerifyResult {
  exitCode: 0 | 1 | 2;
  report?: Report;
  files: string[];
  console: string;
}

/** A usage problem or an unreachable target: exit code 2. */
export class UsageError extends Error {}

export async function verify(o: VerifyOptions): Promise<VerifyResult> {
  try {
    return await run(o);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ProfileError || e instanceof ControlError)
      return { exitCode: 2, files: [], console: `connkit verify: ${e.message}` };
    throw e;
  }
}

async function run(o: VerifyOptions): Promise<VerifyResult> {
  if (!isVendorName(o.api)) throw new UsageError(`--api must be one of ${vendorNames.join(', ')}`);
  const api: VendorName = o.api;
  let target: URL;
  try {
    target = new URL(o.target);
  } catch {
    throw new UsageError(`--target is not a URL: ${o.target}`);
  }
  const reporters = (o.reporters?.length ? o.reporters : ['console']) as ReporterName[];
  const badReporter = reporters.find((r) => !reporterNames.includes(r));
  if (badReporter) throw new UsageError(`unknown reporter ${badReporter} (one of ${reporterNames.join(', ')})`);
  const known = allCheckNames();
  const unknown = [...(o.checks ?? []), ...(o.skip ?? [])].filter((n) => !known.has(n));
  if (unknown.length) throw new UsageError(`unknown check ${unknown.join(', ')} (see --list-checks)`);
  const seed = o.seed ?? 1;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const concurrency = o.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(`--concurrency must be an integer from 1 to 64, not ${o.concurrency}`);
  if (o.maxFailures !== undefined && (!Number.isInteger(o.maxFailures) || o.maxFailures < 1))
    throw new UsageError(`--max-failures must be a positive integer, not ${o.maxFailures}`);
  const maxResponseBytes = o.maxResponseBytes ?? defaultMaxResponseBytes;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1)
    throw new UsageError(`--max-response-bytes must be a positive integer, not ${o.maxResponseBytes}`);

  try {
    // Whether anything answers; what it answers (a redirect, a huge body) is not read.
    const res = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
  } catch (e) {
    throw new UsageError(`target ${target} is unreachable: ${causeOf(e)}`);
  }

  // Against connkit's simulator the run gets a session of its own: its changes touch nobody.
  const session = `verify-${seed}-${randomBytes(4).toString('hex')}`;
  const control = o.control ? controlClient(o.control, session, timeoutMs) : undefined;
  let profile: AnyProfile;
  if (o.profile) profile = await loadProfile(api, o.profile);
  else if (control) {
    const fixtures = await control.fixtures();
    if (!fixtures[api]) throw new UsageError(`the control API at ${o.control} does not serve ${api}`);
    profile = validateProfile(api, fixtures[api], `${o.control}/fixtures`);
  } else
    throw new UsageError(
      'needs --profile <file> or --control <url> (for the credentials and fixture ids the checks use)',
    );

  // Consumable fixtures: the profile's provider-state source, else the simulator's own, else the profile's lists.
  let source: FixtureSource | undefined;
  if (profile.provider_states)
    source = sourceOf(profile.provider_states, o.profile ? dirname(resolve(o.profile)) : process.cwd(), timeoutMs);
  else if (control && o.control)
    source = urlSource(`${o.control.replace(/\/$/, '')}/provider-states`, { 'X-Connkit-Session': session }, timeoutMs);
  const targetUrl = target.toString().replace(/\/$/, '');
  const stateFile = o.stateFile === null ? undefined : resolve(o.stateFile ?? defaultStateFile(api, targetUrl));
  let ledger: Ledger | undefined;
  if (!source) {
    try {
      ledger = await Ledger.open(stateFile, api, targetUrl);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const refreshHint = `refresh it: reset the target and delete ${stateFile ?? 'the state file'}, list unused ones in the profile, or give the profile a provider_states source`;

  const wanted = (name: string) => (!o.checks?.length || o.checks.includes(name)) && !o.skip?.includes(name);
  const badTier = (o.tiers ?? []).find((t) => !(tiers as string[]).includes(t));
  if (badTier) throw new UsageError(`unknown tier ${badTier} (one of ${tiers.join(', ')})`);
  const tierOn = (t: Tier) => !o.tiers?.length || o.tiers.includes(t);
  const modelRuns = o.modelRuns ?? defaultModelRuns;
  const maxSteps = o.maxSteps ?? defaultMaxSteps;
  if (!Number.isInteger(modelRuns) || modelRuns < 1)
    throw new UsageError(`--model-runs must be a positive integer, not ${o.modelRuns}`);
  if (!Number.isInteger(maxSteps) || maxSteps < 1)
    throw new UsageError(`--max-steps must be a positive integer, not ${o.maxSteps}`);
  const checks = probeChecks.filter((c) => (!c.apis || c.apis.includes(api)) && wanted(c.name) && tierOn(c.tier));
  const responseNames = new Set(responseChecks.map((c) => c.name).filter(wanted));
  const progress = o.progress === undefined ? (line: string) => process.stderr.write(`${line}\n`) : o.progress;
  const startedAt = new Date();
  // Past this point a report is always written: a run that dies says so in it.
  let lastCheck: string | undefined;
  const redact = o.redact === false ? (x: string) => x : redactor(profileSecrets(profile));
  let report: Report;
  try {
    // Everything the run sends (named checks, model tier) goes under the run's limits.
    report = await withLimits({ maxResponseBytes }, async () => {
      const result = await runChecks({
        api,
        target: targetUrl,
        index: specIndex(api),
        adapter: adapters[api],
        profile,
        checks,
        responseChecks: responseNames,
        control,
        source,
        ledger,
        refreshHint,
        seed,
        timeoutMs,
        concurrency,
        headers: control ? { 'X-Connkit-Session': session } : {},
        maxFailures: o.maxFailures,
        onProgress: (done, total, name) => {
          lastCheck = name;
          progress?.(`[${done}/${total}] ${name}`);
        },
      });
      const failedSoFar = result.outcomes.filter((x) => x.status === 'failed').length;
      const stopped = o.maxFailures !== undefined && failedSoFar >= o.maxFailures;
      if (stopped && tierOn('model') && wanted('model')) result.notRun = [...(result.notRun ?? []), 'model'];
      if (tierOn('model') && wanted('model') && !stopped) {
        lastCheck = 'model';
        progress?.(`[model] ${modelRuns} runs of up to ${maxSteps} steps`);
        const model = adapters[api].model;
        const observer = jsonObserver(vendorModules[api]);
        const budgetMs = o.modelBudgetMs ?? defaultModelBudgetMs;
        const tier = await runModelTier({
          api,
          index: specIndex(api),
          target: targetUrl,
          principals: model.principals(profile),
          pools: model.pools(profile),
          consumables: model.consumables?.(profile) ?? [],
          assigned: model.assigned,
          errorType: model.errorType,
          baseline: (id) => adapters[api].baseline(profile, id),
          control,
          observing: observer && { observer, profile },
          writes: o.modelWrites ?? control !== undefined,
          onRun: progress
            ? modelProgress(
                api,
                modelRuns,
                budgetMs,
                progress,
                process.stderr.isTTY ? progressEveryMs.tty : progressEveryMs.log,
              )
            : undefined,
          source,
          headers: control ? { 'X-Connkit-Session': session } : {},
          timeoutMs,
          seed,
          runs: modelRuns,
          maxSteps,
          budgetMs,
        });
        result.outcomes.push(...tier.outcomes);
        result.exchanges.push(...tier.exchanges);
        result.durationMs += tier.durationMs;
      }
      return buildReport(api, target.toString(), seed, startedAt, specIndex(api), result, undefined, o.maxFailures);
    });
  } catch (e) {
    const fatal = `${lastCheck && lastCheck !== 'done' ? `during ${lastCheck}: ` : ''}${e instanceof Error ? e.message : String(e)}`;
    report = buildReport(
      api,
      target.toString(),
      seed,
      startedAt,
      specIndex(api),
      { outcomes: [], exchanges: [], durationMs: Date.now() - startedAt.getTime() },
      fatal,
    );
  }
  report = redactDeep(report, redact);
  const files: string[] = [];
  const fileOnes = reporters.filter((r): r is Exclude<ReporterName, 'console'> => r !== 'console');
  if (fileOnes.length) {
    const dir = resolve(o.out ?? 'connkit-report');
    await mkdir(dir, { recursive: true });
    for (const name of fileOnes) {
      const [ext, render] = fileReporters[name];
      const file = join(dir, `verify-${api}.${name === 'junit' ? 'junit.' : ''}${ext}`);
      await writeFile(file, render(report));
      files.push(file);
    }
  }
  return {
    exitCode: report.fatal ? 2 : report.totals.failed ? 1 : 0,
    report,
    files,
    console: reporters.includes('console')
      ? consoleReport(report)
      : `${report.totals.passed} passed, ${report.totals.failed} failed, ${report.totals.skipped} skipped`,
  };
}
