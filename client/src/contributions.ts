// The names package.json's `contributes` declares for the extension (no vscode import, so tests can read them).
export const RESTART_SERVER_COMMAND = 'callstats-lint.restartServer';
export const SHOW_OUTPUT_COMMAND = 'callstats-lint.showOutput';
/** The task type of the taskDefinitions. */
export const TASK_TYPE = 'callstats-lint';
/** The task's name: the command palette's "Run Task" lists it as "callstats-lint: lint workspace". */
export const TASK_NAME = 'lint workspace';
/** The problem matcher for `--format compact`, which the task prints. */
export const PROBLEM_MATCHER = '$callstats-lint';
