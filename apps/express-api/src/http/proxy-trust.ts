import { isIP } from 'node:net';

/**
 * Whose `X-Forwarded-For` the app believes, from `TRUST_PROXY`: `false` (nobody: the client is
 * the socket's peer), a hop count, or the addresses and CIDRs of the proxies in front of it.
 * Trusting every hop (`true`) is refused: then any client picks its own address per request.
 */
export type ProxyTrust = false | number | string[];

// proxy-addr's names for ranges, accepted in the list as Express and Fastify accept them.
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

// More proxies than any real chain (CDN, load balancer, ingress) puts in front of an app. A
// count above the real one trusts entries the client wrote itself; a huge one is `true`.
const MAX_HOPS = 10;

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  // Stryker disable next-line StringLiteral: split returns at least one element; the default only satisfies noUncheckedIndexedAccess
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  // A zone (`%eth0`) names an interface of this host; proxy-addr refuses some that isIP takes.
  if (version === 0 || rest.length > 0 || address.includes('%')) return false;
  if (prefix === undefined) return true;
  const bits = version === 4 ? 32 : 128;
  // A /0 is every address, `true` under another name; proxy-addr refuses it too, but only once
  // the app is built, in a message that does not name TRUST_PROXY.
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= bits;
}

/** The setting, or why the value is refused (a sentence that never repeats the value). */
export function parseProxyTrust(value: string | undefined): ProxyTrust | { error: string } {
  const raw = value?.trim() ?? '';
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') {
    return {
      error:
        'must not be true: trusting every hop lets any client choose its own address with X-Forwarded-For; give the number of proxies in front of the app or their addresses',
    };
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops >= 1 && hops <= MAX_HOPS
      ? hops
      : {
          error: `must be a hop count from 1 to ${MAX_HOPS}, or unset: a count above the proxies in front of the app trusts addresses the client wrote itself`,
        };
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrCidr)
    ? entries
    : {
        error:
          'must be a hop count or a comma-separated list of proxy addresses or CIDRs, with no /0 range (it trusts every address)',
      };
}

/**
 * The value handed to the framework (Express `trust proxy`, Fastify `trustProxy`, both on
 * proxy-addr). A hop count goes as a function: Fastify 5 turns a bare number into "trust
 * nobody", Express into "trust the first n hops"; the function means the latter in both.
 */
export function frameworkProxyTrust(
  trust: ProxyTrust,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}
