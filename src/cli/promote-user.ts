import { createDatabasePool } from '../db/pool.js';
import { promoteUser } from '../domain/auth/users.js';
import { isDomainError } from '../domain/errors.js';
import { runEntry } from '../entry.js';

/** `npm run user:promote -- <email>`: the operator's way to make an admin (the API never does). */
await runEntry(async (config) => {
  const email = process.argv[2]?.trim();
  if (!email) {
    console.error('Usage: npm run user:promote -- <email>');
    process.exit(1);
  }
  const db = await createDatabasePool({
    url: config.DATABASE_URL,
    maximumPoolSize: 1,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  try {
    const user = await promoteUser({ db }, email);
    console.log(`Promoted ${user.email} (${user.id}) to admin`);
  } catch (error) {
    if (!isDomainError(error, 'NOT_FOUND')) throw error;
    console.error(`No user with email ${email}; register the account first`);
    process.exitCode = 1;
  } finally {
    await db.end();
  }
});
