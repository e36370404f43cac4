import { runCli } from './program.js';

// The entry of dist/careerpdf.js.
await runCli(process.argv);
