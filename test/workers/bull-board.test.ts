import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker } from 'bullmq';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../src/db/admin-audit.js';
import {
  consumerNames,
  createQueues,
  queuePrefix,
  webhookQueueName,
  type Queues,
} from '../../src/queues.js';
import { useTestApp, type TestContext } from '../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createAdmin } from '../helpers/factories.js';

const ctx = useTestApp();

/** A browser's cookie jar, reduced to what these pages set. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly context: TestContext) {}

  async request(method: string, url: string, options: { form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {
      accept: url.includes('/api/') ? 'application/json' : 'text/html',
      cookie: [...this.cookies]
        .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
        .join('; '),
    };
    const csrf = this.cookies.get('XSRF-TOKEN');
    if (csrf && method !== 'GET') headers['x-xsrf-token'] = csrf;
    const response = await this.context.app.inject({
      method: method as 'GET',
      url,
      headers: options.form
        ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' }
        : headers,
      payload: options.form ? new URLSearchParams(options.form).toString() : undefined,
    });
    for (const cookie of response.cookies as { name: string; value: string }[]) {
      if (cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  async signIn(email: string, password: string) {
    const page = await this.request('GET', '/admin/sign-in');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return this.request('POST', '/admin/sign-in', { form: { email, password, _csrf: csrf } });
  }
}

async function failedJob(queues: Queues, context: TestContext): Promise<string> {
  const queue = queues['authorize-payment'];
  const job = await queue.add('order.created', { id: randomUUID() } as never, { attempts: 1 });
  const worker = new Worker(
    queue.name,
    async () => {
      throw new UnrecoverableError('made to fail');
    },
    {
      connection: { url: context.config.REDIS_URL, maxRetriesPerRequest: null },
      prefix: queuePrefix(context.config),
    },
  );
  await expect.poll(() => queue.getJobState(job.id ?? ''), { timeout: 5_000 }).toBe('failed');
  await worker.close();
  return job.id ?? '';
}

describe('Bull Board at /admin/queues', () => {
  let user: SignedIn;
  let admin: SignedIn;
  let queues: Queues;

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    admin = await createAdmin(ctx.app, ctx.db);
    queues = createQueues(ctx.redis, ctx.config);
    return () => Promise.all(Object.values(queues).map((queue) => queue.close()));
  });

  const paths = ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon.ico'];

  it.each(paths)('when %s is requested without a token, then 401', async (url) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it.each(paths)("when %s is requested with a user's token, then 403", async (url) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers: user.headers });
    expectProblem(res, 403, 'FORBIDDEN');
  });

  it('when a browser opens the board without a session, then it is sent to the sign-in page', async () => {
    const res = await new Browser(ctx).request('GET', '/admin/queues');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/sign-in');
  });

  it("when an admin's token is sent, then the UI and its API answer", async () => {
    const ui = await ctx.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: admin.headers,
    });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);

    const api = await ctx.app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: admin.headers,
    });
    expect(api.statusCode).toBe(200);
    const names = api.json().queues.map((queue: { name: string }) => queue.name);
    expect(names.sort()).toEqual([...consumerNames, webhookQueueName].sort());
  });

  it('when an admin signs in with the form, then an HttpOnly SameSite=Strict session opens the board', async () => {
    const browser = new Browser(ctx);
    const signedIn = await browser.signIn(admin.email, admin.password);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/admin/queues');
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(/orders_admin_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Max-Age=28800/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here

    const ui = await browser.request('GET', '/admin/queues');
    expect(ui.statusCode).toBe(200);
    const api = await browser.request('GET', '/admin/queues/api/queues');
    expect(api.statusCode).toBe(200);
  });

  it('when the wrong password is sent, then the form answers 401 and no session opens', async () => {
    const browser = new Browser(ctx);
    const res = await browser.signIn(admin.email, 'not the password');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('incorrect');
    expect(browser.cookies.has('orders_admin_session')).toBe(true); // only the CSRF secret
    expect((await browser.request('GET', '/admin/queues')).statusCode).toBe(303);
  });

  it('when a plain user signs in with the form, then 403 and the board stays closed', async () => {
    const browser = new Browser(ctx);
    const res = await browser.signIn(user.email, user.password);
    expect(res.statusCode).toBe(403);
    expect((await browser.request('GET', '/admin/queues')).headers.location).toBe('/admin/sign-in');
  });

  it('when the form is posted without its CSRF token, then 403', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/admin/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: admin.email, password: admin.password }).toString(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('when the admin logs out everywhere, then the board session stops working', async () => {
    const browser = new Browser(ctx);
    await browser.signIn(admin.email, admin.password);
    expect((await browser.request('GET', '/admin/queues/api/queues')).statusCode).toBe(200);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      headers: admin.headers,
    });
    expect(out.statusCode).toBe(204);
    expectProblem(await browser.request('GET', '/admin/queues/api/queues'), 401, 'UNAUTHENTICATED');
  });

  it('when the admin signs out, then the session is gone', async () => {
    const browser = new Browser(ctx);
    await browser.signIn(admin.email, admin.password);
    const out = await browser.request('GET', '/admin/sign-out');
    expect(out.headers.location).toBe('/admin/sign-in');
    expect((await browser.request('GET', '/admin/queues')).statusCode).toBe(303);
  });

  it('when a signed-in admin retries a failed job, then it is retried and audited', async () => {
    const jobId = await failedJob(queues, ctx);
    const browser = new Browser(ctx);
    await browser.signIn(admin.email, admin.password);
    await browser.request('GET', '/admin/queues/api/queues');

    const url = `/admin/queues/api/queues/authorize-payment/${jobId}/retry`;
    const withoutToken = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: {
        cookie: `orders_admin_session=${encodeURIComponent(browser.cookies.get('orders_admin_session') ?? '')}`,
      },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(await queues['authorize-payment'].getJobState(jobId)).toBe('failed');

    const retried = await browser.request('PUT', url);
    expect(retried.statusCode).toBe(204);
    expect(await queues['authorize-payment'].getJobState(jobId)).toBe('waiting');
    await expect
      .poll(async () => (await listAuditEntries(ctx.db, 10)).find((e) => e.target.jobId === jobId))
      .toMatchObject({
        adminId: admin.userId,
        action: 'retry-job',
        target: { queue: 'authorize-payment', jobId },
        statusCode: 204,
      });
  });

  it('when an admin removes a failed job with a token, then it goes and the action is audited', async () => {
    const jobId = await failedJob(queues, ctx);
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/admin/queues/api/queues/authorize-payment/${jobId}/clean`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBeLessThan(300);
    expect(await queues['authorize-payment'].getJobState(jobId)).toBe('unknown');
    await expect
      .poll(async () => (await listAuditEntries(ctx.db, 10)).find((e) => e.target.jobId === jobId))
      .toMatchObject({ adminId: admin.userId, action: 'remove-job' });
  });

  it('when an admin tries anything else (pause, empty, retry a waiting job), then 403', async () => {
    for (const url of [
      '/admin/queues/api/queues/authorize-payment/pause',
      '/admin/queues/api/queues/authorize-payment/empty',
      '/admin/queues/api/queues/authorize-payment/clean/completed',
    ]) {
      expectProblem(
        await ctx.app.inject({ method: 'PUT', url, headers: admin.headers }),
        403,
        'FORBIDDEN',
      );
    }
    const waiting = await queues['authorize-payment'].add('order.created', {} as never);
    expectProblem(
      await ctx.app.inject({
        method: 'PUT',
        url: `/admin/queues/api/queues/authorize-payment/${waiting.id}/retry`,
        headers: admin.headers,
      }),
      403,
      'FORBIDDEN',
    );
  });
});
