import type { VendorName } from '../../src/contract/names.js';
import type { AnswerBody, OperationId, SendParts, SuccessStatus } from '../operations.js';
import type { CheckContext, Exchange } from '../types.js';
import { status, type VendorCheck } from './helpers.js';

/** Copies of the request sent at once. */
export const raceSize = 10;

/**
 * One race check: copies of one request for one fixture, sent at once. Exactly one may win;
 * the others must lose with `lost`, and the state must then show the one win.
 */
export interface RaceDeclaration<
  A extends VendorName,
  Op extends OperationId<A>,
  W extends SuccessStatus<A, Op>,
  Setup,
> {
  api: A;
  name: string;
  /** What the copies do, for the description: `claims of one connect token`. */
  copies: string;
  /** The fixture the copies race for (minted fresh, or the profile's). */
  setup(ctx: CheckContext<A>): Promise<Setup>;
  operationId: Op;
  /** The request every copy sends. */
  request(ctx: CheckContext<A>, setup: Setup): SendParts<A, Op>;
  /** The winner's status. */
  won: W;
  /** Every loser's status: 409 unless said otherwise (the state moved under it). */
  lost?: number;
  /** What the state must show after the race, given the winner's answer (checked against its schema). */
  after?(ctx: CheckContext<A>, setup: Setup, winner: AnswerBody<A, Op, W>): void | Promise<void>;
  /** Puts back what the race changed, whatever the verdict. */
  cleanup?(ctx: CheckContext<A>, setup: Setup): Promise<unknown>;
}

const summary = (answers: Exchange[]) => {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(status(a), (counts.get(status(a)) ?? 0) + 1);
  return { counts, text: [...counts].map(([s, c]) => `${c}×${s || 'no answer'}`).join(', ') };
};

export function raceCheck<A extends VendorName, Op extends OperationId<A>, W extends SuccessStatus<A, Op>, Setup>(
  race: RaceDeclaration<A, Op, W, Setup>,
): VendorCheck<A> {
  const lost = race.lost ?? 409;
  return {
    name: race.name,
    tier: 'race',
    apis: [race.api],
    // Each race uses up a fixture of its own.
    sharing: 'disjoint',
    description: `${raceSize} parallel ${race.copies}: exactly one ${race.won}, the rest ${lost}.`,
    async run(ctx) {
      const setup = await race.setup(ctx);
      const parts = race.request(ctx, setup);
      const answers = await Promise.all(Array.from({ length: raceSize }, () => ctx.send(race.operationId, parts)));
      try {
        const { counts, text } = summary(answers);
        ctx.expect(
          counts.get(race.won) === 1 && counts.get(lost) === raceSize - 1,
          `expected 1×${race.won} and ${raceSize - 1}×${lost}, got ${text}`,
          answers[0],
        );
        const winner = ctx.need(
          answers.find((a) => status(a) === race.won),
          'a winner',
        );
        const won = ctx.expectAnswer(winner, race.won, 'the winning copy');
        await race.after?.(ctx, setup, won);
      } finally {
        await race.cleanup?.(ctx, setup);
      }
    },
  };
}
