import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker } from 'bullmq';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../src/db/admin-audit.js';
import { setUserRole } from '../../src/db/users.js';
import { createQueues, queuePrefix, type Queues } from '../../src/queues.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) {
  console.log(
    `skipping the browser tests: no Chromium at ${chromiumPath} (apt-get install chromium)`,
  );
}
/** Screenshots for a person to look at; git-ignored. */
const artifacts = new URL('../artifacts/', import.meta.url).pathname;
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ctx = useTestApp();

describe.skipIf(!haveChromium)('Bull Board in headless Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let admin: SignedIn;
  let user: SignedIn;
  let queues: Queues;

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    baseUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    user = await registerAndLogIn(ctx.app, 'user');
    admin = await registerAndLogIn(ctx.app, 'admin');
    await setUserRole(ctx.db, admin.email, 'admin');
    queues = createQueues(ctx.redis, ctx.config);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
  });

  async function signIn(page: Page, who: SignedIn) {
    await page.goto(`${baseUrl}/admin/queues`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('networkidle');
  }

  async function failedJob(): Promise<string> {
    const queue = queues['authorize-payment'];
    const job = await queue.add('order.created', { id: randomUUID() } as never, { attempts: 1 });
    const worker = new Worker(
      queue.name,
      async () => {
        throw new UnrecoverableError('made to fail for the browser test');
      },
      {
        connection: { url: ctx.config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: queuePrefix(ctx.config),
      },
    );
    await expect.poll(() => queue.getJobState(job.id ?? ''), { timeout: 5_000 }).toBe('failed');
    await worker.close();
    return job.id ?? '';
  }

  it(
    'when an admin signs in, then the board shows the queues and a failed job can be retried',
    { timeout: 90_000 },
    async () => {
      const jobId = await failedJob();
      const page = await browser.newPage();
      await signIn(page, admin);
      expect(new URL(page.url()).pathname).toBe('/admin/queues');
      await page.getByText('authorize-payment').first().waitFor();
      await page.screenshot({ path: `${artifacts}board-queues.png`, fullPage: true });

      await page.goto(`${baseUrl}/admin/queues/queue/authorize-payment?status=failed`);
      await page.getByText('made to fail for the browser test').first().waitFor();
      await page.screenshot({ path: `${artifacts}board-failed-job.png`, fullPage: true });
      // The job's own retry is an icon; "Retry all" retries the failed jobs shown (this one).
      await page.getByRole('button', { name: 'Retry all' }).click();
      await page.getByRole('button', { name: 'Confirm' }).click();

      await expect
        .poll(() => queues['authorize-payment'].getJobState(jobId), { timeout: 10_000 })
        .not.toBe('failed');
      await page.screenshot({ path: `${artifacts}board-retried.png`, fullPage: true });
      const entries = await listAuditEntries(ctx.db, 20);
      expect(entries.find((entry) => entry.target.queue === 'authorize-payment')).toMatchObject({
        adminId: admin.userId,
        action: 'retry-failed-jobs',
      });
      await page.close();
    },
  );

  it('when a plain user signs in, then the board refuses and stays closed', async () => {
    const page = await browser.newPage();
    await signIn(page, user);
    await expect
      .poll(() => page.getByText('Only admins may open the queue board.').count())
      .toBe(1);
    await page.screenshot({ path: `${artifacts}board-refused.png`, fullPage: true });
    const board = await page.goto(`${baseUrl}/admin/queues`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    expect(board?.status()).toBe(200);
    await page.close();
  });
});
