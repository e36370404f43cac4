import fs from 'node:fs';

/**
 * Preloaded with `node --import` into every process the bench measures: at exit, writes the
 * process's own peak resident memory and CPU time to $BENCH_USAGE_FILE. Only this process is
 * counted; a browser that it starts runs in processes of its own.
 */
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
