import { runCli } from './program.js';

// The entry of dist/careerpdf.js. A build that renders continues in a process started from the
// startup snapshot when there is one (see startupSnapshot.ts).
await runCli(process.argv, { beforeRender: async () => (await import('./startupSnapshot.js')).renderInSnapshot() });
