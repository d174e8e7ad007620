// lint-staged.config.mjs: callstats-lint on the staged scripts and pages (lint-staged appends their absolute paths).
export default {
  '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,html,htm,vue,svelte}': 'callstats-lint --max-warnings 0',
};
