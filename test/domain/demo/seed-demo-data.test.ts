import { describe, expect, it } from 'vitest';
import { demoUser, seedDemoData } from '../../../src/domain/demo/seed-demo-data.js';
import { useTestApp } from '../../helpers/app.js';
import { logIn } from '../../helpers/auth.js';

const ctx = useTestApp();

describe('demo seed', () => {
  it('when NODE_ENV is production, then nothing is seeded even on an empty database', async () => {
    const lines: string[] = [];
    const seeded = await seedDemoData(
      { db: ctx.db, log: (line) => lines.push(line) },
      { environment: 'production' },
    );
    expect(seeded).toBe(false);
    expect(lines).toEqual([]);
    const page = await ctx.app.inject({ method: 'GET', url: '/api/v1/products' });
    expect(page.json().items).toEqual([]);
  });

  it('when two starts race on an empty database, then exactly one seeds and prints the login', async () => {
    const lines: string[] = [];
    const deps = { db: ctx.db, log: (line: string) => lines.push(line) };
    const results = await Promise.all([
      seedDemoData(deps, { environment: 'development' }),
      seedDemoData(deps, { environment: 'development' }),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(demoUser.email);
    expect(lines[0]).toContain(demoUser.password);
  });

  it('when the demo user logs in, then the seeded catalogue is there to order from', async () => {
    const session = await logIn(ctx.app, demoUser.email, demoUser.password);
    expect(session.accessToken).toEqual(expect.any(String));
    const page = await ctx.app.inject({ method: 'GET', url: '/api/v1/products' });
    expect(page.json().items).toHaveLength(8);
    expect(page.json().items.every((item: { stock: number }) => item.stock > 0)).toBe(true);
  });

  it('when it runs again, then nothing changes', async () => {
    const seeded = await seedDemoData(
      { db: ctx.db, log: () => {} },
      { environment: 'development' },
    );
    expect(seeded).toBe(false);
    const page = await ctx.app.inject({ method: 'GET', url: '/api/v1/products' });
    expect(page.json().items).toHaveLength(8);
  });
});
