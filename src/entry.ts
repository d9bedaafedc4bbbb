import { ConfigError, loadConfig, type Config } from './config.js';

/** Starts a process from validated config; a bad variable is one clear line, not a stack trace. */
export async function runEntry(start: (config: Config) => Promise<unknown>): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  await start(config);
}
