import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/**
 * TRUST_PROXY as Fastify takes it. A hop count trusts that many proxies nearest the socket, so
 * `request.ip` is the address the outermost of them saw and left-most X-Forwarded-For entries a
 * client wrote itself are never read. Fastify 5.12 ignores a bare number (it cannot tell a proxy
 * from a client that connects directly), so the count becomes a function here: use it only where
 * nothing but the proxies reaches the port (the NetworkPolicy in deploy/k8s), CIDRs otherwise.
 */
export function trustProxyOption(
  setting: Config['TRUST_PROXY'],
): FastifyServerOptions['trustProxy'] {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}
