/**
 * Which links may leave the station for the system browser or mail program. A link is parsed
 * with `new URL` (no base: a relative link is refused, never resolved against the app) and
 * checked by its parsed parts, never by substring:
 *
 * - https: any host.
 * - http: only this computer (localhost, 127.0.0.0/8, [::1]) and origins the caller names (the
 *   station's own server, which on a plant network often has no TLS). Elsewhere plain http is
 *   refused: a link the station hands to the browser should not be one an attacker on the
 *   network can rewrite.
 * - mailto: with plain addresses only.
 * - Everything else (javascript:, file:, data:, smb:, custom schemes) is refused, as is any link
 *   with a user name or password: `https://trusted.example@evil.example/` is the classic way to
 *   disguise where a link goes.
 */
export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export interface ExternalUrlOptions {
  /** Extra origins (scheme://host:port) that may be opened over plain http. */
  httpOrigins?: readonly string[];
}

const maxLength = 2048;
const emailAddress = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;

export function checkExternalUrl(raw: unknown, options: ExternalUrlOptions = {}): ExternalUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return refuse('the link is empty');
  if (raw.length > maxLength) return refuse(`the link is longer than ${String(maxLength)} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('the link is not a complete address');
  }
  if (url.username !== '' || url.password !== '') return refuse('links with a user name or password are not opened');
  switch (url.protocol) {
    case 'https:':
      return accept(url);
    case 'http:':
      if (isLoopbackHost(url.hostname) || (options.httpOrigins ?? []).includes(url.origin)) return accept(url);
      return refuse('plain http links are opened only for this computer and the station’s server');
    case 'mailto:':
      return mailRecipientsValid(url) ? accept(url) : refuse('the mail address is not valid');
    default:
      return refuse(`${url.protocol.replace(/:$/, '')} links are not opened outside the station`);
  }
}

/** Hosts that name this computer. WHATWG URL has already normalised 0x7f.1, 2130706433 etc. to dotted form. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

function mailRecipientsValid(url: URL): boolean {
  let recipients: string;
  try {
    recipients = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  const list = recipients.split(',').map((r) => r.trim());
  return list.length > 0 && list.every((r) => emailAddress.test(r));
}

const accept = (url: URL): ExternalUrlCheck => ({ ok: true, url: url.href });
const refuse = (reason: string): ExternalUrlCheck => ({ ok: false, reason });
