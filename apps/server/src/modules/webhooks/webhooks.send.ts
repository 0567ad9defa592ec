import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './webhooks.url';

export interface SendOptions {
  /** Off in production: the receiver's address, as resolved for the connection, must be public. */
  allowPrivate: boolean;
  timeoutMs: number;
  /** Tests inject a resolver; the product uses the system's. */
  lookup?: typeof dnsLookup;
}

/** A delivery attempt that never got an HTTP answer: `message` is shown in the delivery log. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly timeout = false,
  ) {
    super(message);
  }
}

/**
 * Resolves like `dns.lookup`, but refuses a name with any private, loopback or link-local address.
 * It is the resolver of the connection itself, so the address checked is the address connected to:
 * a name that answers a public address to a first query and a private one to the next (DNS
 * rebinding) cannot slip between a check and the connection.
 */
export function publicOnlyLookup(resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const blocked = list.find((a) => isPrivateAddress(a.address));
      if (blocked || list.length === 0) {
        const refused = new SendError(
          blocked
            ? `Adresse refusée : ${hostname} correspond à une adresse privée ou locale (${blocked.address}).`
            : `Adresse introuvable : ${hostname}.`,
        );
        return callback(refused as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs one webhook body and returns the answer's status (the body is not read). No redirect is
 * followed; the whole attempt, connection included, is bounded by `timeoutMs`.
 */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: SendOptions,
): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(new SendError(`Adresse refusée : ${host} est une adresse privée ou locale.`));
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const lookup = opts.allowPrivate ? (opts.lookup as LookupFunction | undefined) : publicOnlyLookup(opts.lookup);
  return new Promise((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      ...(lookup ? { lookup } : {}),
    });
    const limit = opts.timeoutMs >= 1000 ? `${Math.round(opts.timeoutMs / 1000)} s` : `${opts.timeoutMs} ms`;
    const timer = setTimeout(() => req.destroy(new SendError(`Pas de réponse en ${limit}`, true)), opts.timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      res.on('error', () => {});
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof SendError ? err : new SendError(err.message.slice(0, 500)));
    });
    req.end(body);
  });
}
