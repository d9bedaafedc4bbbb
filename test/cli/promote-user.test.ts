import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findUserById } from '../../src/db/users.js';
import { ensureAdmin } from '../../src/domain/auth/users.js';
import { decodeJwtPart } from '../api/auth/support.js';
import { useTestApp } from '../helpers/app.js';
import { expectProblem, logIn, registerAndLogIn, uniqueEmail } from '../helpers/auth.js';

const ctx = useTestApp();
const cli = fileURLToPath(new URL('../../src/cli/promote-user.ts', import.meta.url));

/** Runs the CLI as `npm run user:promote` does (tsx), against this file's database. */
async function promote(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { env: { ...process.env, DATABASE_URL: ctx.config.DATABASE_URL, ...env }, timeout: 20_000 },
    );
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { exitCode: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run user:promote', () => {
  it('when the email belongs to a user, then one line is printed, the role becomes admin and a new login says so', async () => {
    const user = await registerAndLogIn(ctx.app, 'operator');

    const run = await promote([` ${user.email.toUpperCase()} `]);

    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringContaining(user.email)]);
    expect((await findUserById(ctx.db, user.userId))?.role).toBe('admin');
    const again = await logIn(ctx.app, user.email, user.password);
    expect(decodeJwtPart(again.accessToken, 1).role).toBe('admin');
  });

  it('when the email is unknown, then exit 1 with a message naming it', async () => {
    const email = uniqueEmail('ghost');

    const run = await promote([email]);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(email)]);
  });

  it('when no email is given, then exit 1 with the usage', async () => {
    const run = await promote([]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Usage: npm run user:promote -- <email>');
  });

  it('when the configuration is invalid, then exit 1 with one line naming the variable', async () => {
    const run = await promote(['someone@example.test'], { DATABASE_URL: 'not a url' });

    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('DATABASE_URL')]);
  });
});

describe('ensureAdmin (ADMIN_EMAIL and ADMIN_PASSWORD at start-up)', () => {
  it('when no such account exists, then an admin is created who can log in', async () => {
    const email = uniqueEmail('boot-admin');

    const admin = await ensureAdmin({ db: ctx.db }, { email, password: 'bootstrap password' });

    expect(admin).toMatchObject({ email, role: 'admin' });
    const session = await logIn(ctx.app, email, 'bootstrap password');
    expect(decodeJwtPart(session.accessToken, 1).role).toBe('admin');
  });

  it('when a user already has that email, then the same account is promoted and its password replaced', async () => {
    const user = await registerAndLogIn(ctx.app, 'existing');

    const admin = await ensureAdmin(
      { db: ctx.db },
      { email: ` ${user.email.toUpperCase()} `, password: 'operator password' },
    );

    expect(admin).toMatchObject({ id: user.userId, role: 'admin' });
    await logIn(ctx.app, user.email, 'operator password');
    const old = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expectProblem(old, 401, 'INVALID_CREDENTIALS');
  });

  it('when run at every start, then it keeps one account', async () => {
    const email = uniqueEmail('restart');

    const first = await ensureAdmin({ db: ctx.db }, { email, password: 'bootstrap password' });
    const second = await ensureAdmin({ db: ctx.db }, { email, password: 'bootstrap password' });

    expect(second).toMatchObject({ id: first.id, role: 'admin' });
  });
});
