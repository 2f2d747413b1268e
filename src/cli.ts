#!/usr/bin/env node
import { Command } from 'commander';

const program = new Command('connkit').description('Contract-first mock server and conformance kit for connection APIs');

program
  .command('mock')
  .description('serve every API from its spec, statefully')
  .action(() => {
    console.log('connkit: simulator not built yet');
  });

await program.parseAsync();
