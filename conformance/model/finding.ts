import type { ModelStep } from './types.js';

const shown = 400;
const brief = (body: unknown) => {
  const text = body === undefined ? '(no body)' : typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > shown ? `${text.slice(0, shown)}… (${text.length} characters)` : text;
};

/** A shrunk finding as a person reads it: what differs, then each step as a curl with both answers. */
export function formatFinding(steps: ModelStep[], seed: number, how: string): string {
  const last = steps[steps.length - 1];
  const lines = [
    `the model and the target part at step ${last.n} of ${steps.length} (shrunk): ${last.divergence ?? 'no divergence recorded'}`,
    `replay it: the same command with --seed ${seed} (${how})`,
  ];
  for (const s of steps) {
    lines.push(`${s.n}. ${s.curl}`);
    lines.push(`   model:  ${s.model.status} ${brief(s.model.body)}`);
    lines.push(
      `   target: ${'error' in s.target ? `no answer (${s.target.error})` : `${s.target.status} ${brief(s.target.body)}`}`,
    );
  }
  return lines.join('\n');
}
