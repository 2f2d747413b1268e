import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.ts'] } },
      // The simulator's behaviour suites once more, through the core's in-process door
      // (`sim.handle(Request)`) instead of the Express server: both doors, one behaviour.
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['test/sim/*.test.ts'],
          exclude: ['test/sim/cli.test.ts'],
          env: { CONNKIT_DOOR: 'handle' },
        },
      },
    ],
  },
});
