import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { TradeError, type Stage } from '../../../core/errors/trade-error';

/** What outbound partner URLs may point at. */
export interface OutboundPolicy {
  /** Plain http besides https. */
  allowHttp: boolean;
  /** Private, loopback or link-local networks (CIDRs) every partner may reach. */
  allowedNetworks: string[];
}

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, benchmarking, multicast,
// reserved and their IPv6 counterparts: nothing a partner on the internet lives at.
const DENIED: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];
const denied = new BlockList();
DENIED.forEach(([net, bits, family]) => denied.addSubnet(net, bits, family));

// Set once at start-up from the configuration (gateway/bootstrap.ts); https only until then.
let policy: OutboundPolicy = { allowHttp: false, allowedNetworks: [] };

export function setOutboundPolicy(next: OutboundPolicy): void {
  policy = { ...next };
}

function blockListOf(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split('/');
    const family = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(net, family);
    else list.addSubnet(net, Number(bits), family);
  }
  return list;
}

/** Why an address may not be reached, or undefined. */
export function addressProblem(
  address: string,
  partnerNetworks: string[] = [],
): string | undefined {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return addressProblem(mapped, partnerNetworks);
  if (!denied.check(address, family)) return undefined;
  const allowed = blockListOf([...policy.allowedNetworks, ...partnerNetworks]);
  return allowed.check(address, family)
    ? undefined
    : `address ${address} is in a private, loopback or link-local range`;
}

/** Why a URL may not be called (scheme, credentials, a literal address), or undefined. */
export function urlProblem(raw: string, partnerNetworks: string[] = []): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  const schemes = policy.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol))
    return `scheme ${url.protocol.replace(':', '')} is not allowed (${schemes.join(' or ').replace(/:/g, '')})`;
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? addressProblem(host, partnerNetworks) : undefined;
}

/** Throws a 'config' TradeError naming the URL's problem. */
export function checkOutboundUrl(
  raw: string,
  partnerNetworks: string[] = [],
  stage: Stage = 'deliver',
): void {
  const problem = urlProblem(raw, partnerNetworks);
  if (problem)
    throw new TradeError('config', `outbound URL refused by policy: ${problem}`, {
      stage,
      code: 'url-policy',
    });
}

/**
 * A DNS lookup that refuses private answers. It runs when the socket connects, for every
 * connection (redirects included), so a name that resolved to a public address when checked
 * and to 127.0.0.1 now (DNS rebinding) is still refused.
 */
export function guardedLookup(partnerNetworks: string[] = []): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.map((a) => addressProblem(a.address, partnerNetworks)).find(Boolean);
      if (bad) {
        const refused = Object.assign(new Error(`${hostname}: ${bad}`), { code: 'EPOLICY' });
        return callback(refused, '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Agents whose connections go through the guarded lookup. */
export function guardedAgents(partnerNetworks: string[] = []) {
  const lookup = guardedLookup(partnerNetworks);
  return { httpAgent: new HttpAgent({ lookup }), httpsAgent: new HttpsAgent({ lookup }) };
}

/**
 * Axios options that enforce the policy on one partner's calls: the URL and every redirect
 * target checked, connections resolved through the guarded lookup.
 */
export function guardedRequestOptions(partnerNetworks: string[] = []) {
  return {
    ...guardedAgents(partnerNetworks),
    beforeRedirect: (options: { href?: string; protocol?: string; hostname?: string }) => {
      const target = options.href ?? `${options.protocol}//${options.hostname}`;
      const problem = urlProblem(target, partnerNetworks);
      if (problem)
        throw Object.assign(new Error(`redirect to ${target}: ${problem}`), { code: 'EPOLICY' });
    },
  };
}

/** Every outbound URL a partner record names (`url`, `baseUrl`, `tokenUrl`), by JSON pointer. */
export function partnerUrlProblems(record: {
  transports?: unknown;
}): Array<{ pointer: string; message: string }> {
  const problems: Array<{ pointer: string; message: string }> = [];
  const transports = Array.isArray(record.transports) ? record.transports : [];
  transports.forEach((transport: Record<string, unknown>, i) => {
    const networks = Array.isArray(transport?.allowedNetworks)
      ? (transport.allowedNetworks as string[])
      : [];
    const visit = (value: unknown, path: string[]) => {
      if (!value || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if (['url', 'baseUrl', 'tokenUrl'].includes(key) && typeof inner === 'string') {
          const problem = urlProblem(inner, networks);
          if (problem) problems.push({ pointer: `/${[...path, key].join('/')}`, message: problem });
        } else visit(inner, [...path, key]);
      }
    };
    visit(transport, ['transports', String(i)]);
  });
  return problems;
}
