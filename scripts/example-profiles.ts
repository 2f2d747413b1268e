// Writes fixtures/profiles/<api>.yaml: the simulator's own verify profiles at the default seed,
// as worked examples of the profile format (`connkit verify --profile`). A test keeps them
// equal to what the simulator reports.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { packageRoot } from '../src/paths.js';
import { createSimulator } from '../src/sim/core.js';
import { vendorModules } from '../src/sim/vendors/index.js';
import { vendorNames } from '../src/contract/names.js';
import { found } from '../src/sim/found.js';

const header = (
  api: string,
) => `# A verify profile for ${api}: the simulator's own at seed 42 (npx tsx scripts/example-profiles.ts).
# Lists described as consumed lose an entry to each check that uses one up; verify records them in
# its state file, and a later run against the same target skips those checks, naming the fixture.
# To mint a fresh fixture for every check instead, give the profile a provider-state source:
# provider_states: {url: http://127.0.0.1:4010/__control/provider-states}
`;

export function exampleProfiles(): Record<string, string> {
  const sim = createSimulator();
  return Object.fromEntries(
    vendorNames.map((api) => {
      const { base_url: _drop, ...profile } = found(
        vendorModules[api].fixtures?.(sim.session().state(api), ''),
        `fixtures of ${api}`,
      );
      return [api, `${header(api)}${stringify(profile)}`];
    }),
  );
}

if (process.argv[1]?.endsWith('example-profiles.ts')) {
  for (const [api, text] of Object.entries(exampleProfiles())) {
    const file = join(packageRoot, 'fixtures', 'profiles', `${api}.yaml`);
    await writeFile(file, text);
    console.log(`wrote ${file}`);
  }
}
