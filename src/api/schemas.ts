import { z } from 'zod';
import { roles } from '../db/users.js';

export const uuidParam = z.uuid();

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string().nullable(),
    role: z.enum(roles),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const sessionSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Access token lifetime in seconds'),
    user: userSchema,
  })
  .meta({ id: 'Session' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** Documents the error answers a route can give; the body is always a Problem. */
export function problems(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema]));
}

export const emailInput = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const passwordInput = z.string().min(8).max(128);
export const refreshTokenBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });

export const bearerAuth = [{ bearerAuth: [] }];
