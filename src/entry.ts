import { ConfigError, loadConfig, type Config } from './config.js';
import { startupProblem, type Needs } from './startup-checks.js';

/**
 * Starts a process from validated config once what it needs answers. A bad variable or an
 * unreachable dependency is one clear line and exit 1, not a stack trace.
 */
export async function runEntry(
  start: (config: Config) => Promise<unknown>,
  needs: Needs = {},
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const problem = await startupProblem(config, needs);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  await start(config);
}
