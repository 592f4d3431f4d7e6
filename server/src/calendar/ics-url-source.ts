import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { CalendarUnavailableError, type CalendarSource } from '@mindflow/shared';
import { eventsFromIcs, parseIcs, type IcsOptions, type ParsedIcs } from './ics-events.ts';

export interface IcsFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Whether loopback and private addresses may be fetched. Off on a server: a user's feed
   * URL must not reach the server's own network (its database, a metadata service).
   */
  allowPrivateHosts?: boolean;
  /** How long a fetched and parsed feed is reused for the same URL (default 5 min; 0: never). */
  cacheTtlMs?: number;
}

// Google's and Outlook's feeds of a busy calendar run to a few MB.
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

// Where a user's feed URL must not lead: loopback, private, shared, link-local (cloud
// metadata), multicast and reserved ranges, for IPv4 and IPv6.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): the operator's own network
  ['100::', 64], // discard-only
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address, a dotted IPv4 tail included; null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (isIP(dotted[1]!) !== 4) return null;
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one a packet may reach:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), IPv4-translated
 * (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
 */
function embeddedIpv4(g: number[]): string | null {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4(g[6]!, g[7]!);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!);
  if (zero(0, 6) && (g[6]! !== 0 || g[7]! > 1)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 0) return true;
  const groups = ipv6Groups(address);
  if (!groups) return true;
  const inner = embeddedIpv4(groups);
  if (inner !== null && PRIVATE.check(inner, 'ipv4')) return true;
  const canonical = groups.map((x) => x.toString(16)).join(':');
  return PRIVATE.check(canonical, 'ipv6');
}

/** Checks the address the socket will really connect to, so DNS cannot swap it afterwards. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { family: options.family ?? 0, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const allowed = addresses.filter((a) => !isPrivateAddress(a.address));
    const first = allowed[0];
    if (!first) {
      const refused = Object.assign(new Error(`${hostname} is a private address`), {
        code: 'EPRIVATE',
      });
      return callback(refused, '', 0);
    }
    if (options.all) {
      return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, allowed);
    }
    callback(null, first.address, first.family);
  });
};

class FetchFailed extends Error {}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

function request(
  url: URL,
  options: Required<IcsFetchOptions>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const host = bare(url.hostname);
  if (!options.allowPrivateHosts && isIP(host) !== 0 && isPrivateAddress(host)) {
    return Promise.reject(new FetchFailed(`${url.hostname} is a private address`));
  }
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      {
        headers: { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'MindFlow calendar reader' },
        signal,
        ...(options.allowPrivateHosts ? {} : { lookup: publicOnlyLookup }),
      },
      resolve,
    );
    req.on('error', reject);
  });
}

async function readCapped(res: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(res.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    res.destroy();
    throw new FetchFailed(`the feed is larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw new FetchFailed(`the feed is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The address without its path and query: feed URLs carry their secret there. */
export function feedLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the feed';
  }
}

/**
 * GETs an ICS feed: bounded in time (the whole fetch, not only idle time) and in size,
 * following at most three redirects, each to https (or, when private hosts are allowed,
 * http) again. Any failure is CalendarUnavailableError naming the feed's host only.
 */
export async function fetchIcs(address: string, options: IcsFetchOptions = {}): Promise<string> {
  const o: Required<IcsFetchOptions> = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    allowPrivateHosts: options.allowPrivateHosts ?? false,
    cacheTtlMs: 0,
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  try {
    let url = new URL(address);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await request(url, o, controller.signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        url = new URL(res.headers.location, url);
        if (url.protocol !== 'https:' && !(o.allowPrivateHosts && url.protocol === 'http:')) {
          throw new FetchFailed('it redirects to an address that is not https');
        }
        continue;
      }
      if (status !== 200) {
        res.resume();
        throw new FetchFailed(`it answered HTTP ${status}`);
      }
      return await readCapped(res, o.maxBytes);
    }
    throw new FetchFailed(`more than ${MAX_REDIRECTS} redirects`);
  } catch (error) {
    const reason = controller.signal.aborted
      ? `no complete answer in ${o.timeoutMs} ms`
      : (error as Error).message;
    throw new CalendarUnavailableError(
      `the calendar feed at ${feedLabel(address)} could not be read: ${reason}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
const MAX_CACHED_FEEDS = 500;
const feeds = new Map<string, { expires: number; feed: Promise<ParsedIcs> }>();

/**
 * The feed at a URL, fetched and parsed at most once per TTL: every plan, email and user
 * that reads the same feed in that time shares one fetch and one parse (a failure is not
 * kept). Bounded: the oldest entries go first.
 */
function cachedFeed(url: string, options: IcsFetchOptions): Promise<ParsedIcs> {
  const ttl = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const now = Date.now();
  const hit = feeds.get(url);
  if (hit && hit.expires > now) return hit.feed;
  const feed = fetchIcs(url, options).then((text) => {
    try {
      return parseIcs(text);
    } catch (error) {
      throw new CalendarUnavailableError(
        `the calendar feed at ${feedLabel(url)} is not valid iCalendar: ${(error as Error).message}`,
        { cause: error },
      );
    }
  });
  if (ttl > 0) {
    feeds.delete(url);
    if (feeds.size >= MAX_CACHED_FEEDS) feeds.delete(feeds.keys().next().value!);
    feeds.set(url, { expires: now + ttl, feed });
    feed.catch(() => {
      if (feeds.get(url)?.feed === feed) feeds.delete(url);
    });
  }
  return feed;
}

/** Forgets every cached feed (tests; a user who changed a feed sees it at the next TTL). */
export function clearIcsFeedCache(): void {
  feeds.clear();
}

/** A CalendarSource over an ICS feed's URL, fetched and parsed at most once per cache TTL. */
export function icsUrlCalendarSource(
  url: string,
  options: IcsFetchOptions & IcsOptions = {},
): CalendarSource {
  return {
    async listEvents(startMs, endMs, zone) {
      const feed = await cachedFeed(url, options);
      return eventsFromIcs(feed, startMs, endMs, zone, options);
    },
  };
}
