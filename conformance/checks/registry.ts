import { adapters } from '../adapters/index.js';
import type { Check, Tier } from '../types.js';
import { contractChecks } from './contract.js';
import { countChecks } from './counts.js';
import { responseChecks } from './response.js';

/** One list of every check, listed and filtered by name (`--list-checks`, `--checks`, `--skip`). */
export const probeChecks: Check[] = [
  ...contractChecks(adapters),
  ...Object.values(adapters).flatMap((a) => a.checks),
  ...countChecks(),
];

export interface CheckInfo {
  name: string;
  tier: Tier;
  description: string;
  apis: string;
}

export function listChecks(): CheckInfo[] {
  return [
    ...responseChecks.map((c): CheckInfo => ({
      name: c.name,
      tier: 'contract',
      description: `${c.description} (on every answer)`,
      apis: 'all',
    })),
    ...probeChecks.map((c) => ({
      name: c.name,
      tier: c.tier,
      description: c.description,
      apis: c.apis?.join(',') ?? 'all',
    })),
    {
      name: 'model',
      tier: 'model',
      description:
        'random sequences over every operation, each answer compared with the vendor model (shrunk; --seed replays)',
      apis: 'all',
    },
  ];
}

export const allCheckNames = () => new Set(listChecks().map((c) => c.name));
