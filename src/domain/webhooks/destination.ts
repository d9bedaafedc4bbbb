import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { Config } from '../../config.js';

export type Resolve = (hostname: string) => Promise<readonly string[]>;

const resolveAll: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** Whether endpoint URLs must resolve to public addresses (the SSRF guard is on). */
export function guardsDestinations(
  config: Pick<Config, 'NODE_ENV' | 'WEBHOOK_ALLOW_PRIVATE'>,
): boolean {
  return config.NODE_ENV === 'production' && !config.WEBHOOK_ALLOW_PRIVATE;
}

/**
 * Why a webhook may not be sent to `url`, or null: every address the host resolves to must be
 * public unicast — not loopback, private, link-local (cloud metadata lives there), unique-local,
 * CGNAT or reserved. Checked when an endpoint is saved and again before each send, since DNS
 * answers change.
 */
export async function refusedDestination(
  url: string,
  resolve: Resolve = resolveAll,
): Promise<string | null> {
  const { hostname } = new URL(url);
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: readonly string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    return `${hostname} does not resolve`;
  }
  for (const address of addresses) {
    const range = ipaddr.process(address).range();
    if (range !== 'unicast') return `${hostname} resolves to a ${range} address (${address})`;
  }
  return null;
}
