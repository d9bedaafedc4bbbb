import type { DatabasePool } from 'slonik';
import type { Config } from '../../config.js';
import { lockAndCheckEmpty } from '../../db/demo-seed.js';
import { insertProduct, type NewProduct } from '../../db/products.js';
import { insertUser } from '../../db/users.js';
import { hashPassword } from '../auth/passwords.js';

/** Shown in the start-up log; only ever created on an empty, non-production database. */
export const demoUser = { email: 'demo@example.com', password: 'demo-password' } as const;

const product = (
  sku: string,
  name: string,
  priceCents: number,
  stock: number,
  description: string,
): NewProduct => ({
  sku,
  name,
  description,
  priceCents,
  currency: 'USD',
  stock,
});

const demoProducts: NewProduct[] = [
  product('DEMO-MUG', 'Enamel camp mug', 1800, 120, 'Holds 350 ml; survives campfires.'),
  product('DEMO-TEE', 'Organic cotton T-shirt', 2500, 80, 'Unisex fit, heather grey.'),
  product('DEMO-PEN', 'Brass ballpoint pen', 3200, 60, 'Refillable; writes upside down.'),
  product('DEMO-NOTE', 'Dot-grid notebook A5', 1400, 200, '192 pages of 100 g/m² paper.'),
  product('DEMO-TEA', 'Sencha green tea, 100 g', 1150, 150, 'First flush, from Shizuoka.'),
  product(
    'DEMO-BEANS',
    'Single-origin coffee beans, 250 g',
    1600,
    90,
    'Medium roast, Huila, Colombia.',
  ),
  product('DEMO-BAG', 'Waxed canvas tote bag', 4900, 40, 'Water-resistant, leather handles.'),
  product('DEMO-LAMP', 'LED desk lamp', 5900, 25, 'Dimmable, USB-C powered.'),
];

/**
 * `npm start` on an empty database: a catalogue and a login, so a first order takes a minute.
 * Idempotent (seeds only when there are no products and no users); never in production.
 */
export async function seedDemoData(
  deps: { db: DatabasePool; log: (message: string) => void },
  input: { environment: Config['NODE_ENV'] },
): Promise<boolean> {
  if (input.environment === 'production') return false;
  const passwordHash = await hashPassword(demoUser.password);
  const seeded = await deps.db.transaction(async (tx) => {
    if (!(await lockAndCheckEmpty(tx))) return false;
    await insertUser(tx, { email: demoUser.email, name: 'Demo', passwordHash, role: 'user' });
    for (const demoProduct of demoProducts) await insertProduct(tx, demoProduct);
    return true;
  });
  if (seeded) {
    deps.log(
      `Seeded ${demoProducts.length} demo products. Log in with email ${demoUser.email} and password ${demoUser.password}`,
    );
  }
  return seeded;
}
