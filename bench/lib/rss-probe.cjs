// Preloaded into a measured Node process when /usr/bin/time is missing: writes the process's own rusage (peak RSS, CPU) on exit.
'use strict';
const fs = require('node:fs');

const out = process.env.BENCH_RUSAGE_FILE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes, CPU times in microseconds (Node's documented units).
    fs.writeFileSync(out, JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, sysMs: usage.systemCPUTime / 1000 }));
  });
}
