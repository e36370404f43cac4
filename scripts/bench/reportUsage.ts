import fs from 'node:fs';

/**
 * Preloaded (NODE_OPTIONS=--require, so that node processes a measured one starts load it too)
 * into every node process the bench measures: at exit, writes the process's own peak resident memory and
 * CPU time to $BENCH_USAGE_FILE.<pid>.json. A browser's own processes are not node: not counted.
 */
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(`${file}.${process.pid}.json`, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
