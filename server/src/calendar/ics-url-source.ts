import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { CalendarUnavailableError, type CalendarSource } from '@mindflow/shared';
import { eventsFromIcs, type IcsOptions } from './ics-events.ts';

export interface IcsFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Whether loopback and private addresses may be fetched. Off on a server: a user's feed
   * URL must not reach the server's own network (its database, a metadata service).
   */
  allowPrivateHosts?: boolean;
}

// Google's and Outlook's feeds of a busy calendar run to a few MB.
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

// Where a user's feed URL must not lead: loopback, private, shared, link-local (cloud
// metadata), multicast and reserved ranges. IPv4-mapped IPv6 (::ffff:a.b.c.d) is checked
// as its IPv4 address in isPrivateAddress.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
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

/** A CalendarSource over an ICS feed's URL, fetched afresh for every plan. */
export function icsUrlCalendarSource(
  url: string,
  options: IcsFetchOptions & IcsOptions = {},
): CalendarSource {
  return {
    async listEvents(startMs, endMs, zone) {
      const text = await fetchIcs(url, options);
      try {
        return eventsFromIcs(text, startMs, endMs, zone, options);
      } catch (error) {
        throw new CalendarUnavailableError(
          `the calendar feed at ${feedLabel(url)} is not valid iCalendar: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}
