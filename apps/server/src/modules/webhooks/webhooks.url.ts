import { isIP } from 'node:net';
import { webhookErrors } from './webhooks.errors';

function privateIPv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

function privateIPv6(ip: string): boolean {
  const v = ip.toLowerCase();
  if (v === '::' || v === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
  if (mapped?.[1]) return privateIPv4(mapped[1]);
  // IPv4-mapped in hex, as URL writes it: [::ffff:127.0.0.1] is [::ffff:7f00:1].
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v);
  if (hex?.[1] && hex[2]) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return privateIPv4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return /^f[cd]/.test(v) || /^fe[89ab]/.test(v) || v.startsWith('ff');
}

/** A loopback, private, shared, link-local, multicast or unspecified address (IPv4 or IPv6 literal). */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  return kind === 4 ? privateIPv4(ip) : kind === 6 ? privateIPv6(ip) : false;
}

/**
 * Checks an endpoint's address: an absolute http(s) URL without credentials. Unless insecure
 * endpoints are allowed (WEBHOOK_ALLOW_INSECURE, default outside production), only https:// to a
 * host that is not a loopback, private, link-local or multicast address literal, nor localhost.
 * A public name resolving to a private address is refused when delivering (`publicOnlyLookup`).
 */
export function checkWebhookUrl(raw: string, allowInsecure: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw webhookErrors.invalidUrl('une adresse absolue est attendue (https://…).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw webhookErrors.invalidUrl('seuls les schémas https:// (et http:// en développement) sont acceptés.');
  }
  if (url.username || url.password) throw webhookErrors.invalidUrl('l’adresse ne doit pas contenir d’identifiants.');
  if (url.hash) throw webhookErrors.invalidUrl('l’adresse ne doit pas contenir de fragment (#…).');
  if (!allowInsecure) {
    if (url.protocol !== 'https:') throw webhookErrors.insecureUrl('https:// est obligatoire.');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)) {
      throw webhookErrors.insecureUrl('les adresses locales ou privées ne sont pas acceptées.');
    }
  }
  return url.toString();
}
