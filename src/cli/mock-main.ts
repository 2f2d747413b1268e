// `connkit mock` alone: the bin runs the bundle of this entry for that command, without verify,
// fast-check and the conformance checks (less to read and to deserialise from the code cache at
// every start). The same program settings and the same mock command as src/cli.ts.
import { connkitProgram, run } from './program.js';
import { mockCommand } from './mock.js';

const program = connkitProgram();
program.addCommand(mockCommand().copyInheritedSettings(program));
void run(program);
