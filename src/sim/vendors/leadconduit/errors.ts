import { envelopeMap, memberOf } from '../../error-types.js';
import { specIndex } from '../../../contract/registry.js';
import type { ApiError } from '../../errors.js';
import { describeIssue, statusOf } from '../../issues.js';
import type { Reply } from '../../module.js';
import { fieldName } from '../../errors.js';

/** LeadConduit's one-member envelope, `{"error": "<message naming the field>"}`. */
export function formatError(err: ApiError): Reply {
  const status = statusOf(err);
  if (err.kind === 'validation' && err.issues.length) {
    const words = err.issues.map((i) => `invalid ${fieldName(i.path) || i.in}: ${describeIssue(i)}`);
    return { status, body: { error: words.join('; ') } };
  }
  if (err.kind === 'internal' && status >= 500) return { status, body: { error: 'internal server error' } };
  return { status, body: { error: err.message } };
}

let sentenceClasses: [string, RegExp][] | undefined;

/**
 * LeadConduit's envelope is one sentence, so its error type is the sentence's class: the first
 * of the spec's `x-connkit-error-sentences` whose expression matches (`unclassified` otherwise,
 * which coverage shows as undocumented).
 */
export function errorTypes(body: unknown): string[] {
  const sentence = memberOf(body, 'error');
  if (typeof sentence !== 'string') return [];
  sentenceClasses ??= envelopeMap(specIndex('leadconduit'), 'x-connkit-error-sentences').map(([name, source]) => [
    name,
    new RegExp(source),
  ]);
  return [sentenceClasses.find(([, pattern]) => pattern.test(sentence))?.[0] ?? 'unclassified'];
}
