import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http-server.js';

export const COOKIE = 'vw_console';
export const THEME_COOKIE = 'vw_theme';

export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/**
 * The session cookie: HttpOnly, Secure when PUBLIC_URL is https, SameSite=Lax. Inside the Teams tab (a cross-site
 * iframe) a Lax cookie is not sent, so the tab's session is SameSite=None (which requires Secure, i.e. https).
 */
export function sessionCookie(value: string, secure: boolean, crossSite = false, maxAgeSeconds?: number) {
  const sameSite = crossSite && secure ? 'None' : 'Lax';
  return [
    `${COOKIE}=${value}`,
    'Path=/beheer',
    'HttpOnly',
    `SameSite=${sameSite}`,
    ...(secure ? ['Secure'] : []),
    ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : []),
  ].join('; ');
}

/** Security headers for every console answer: no inline script or style anywhere, no caching of pages. */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; form-action 'self'; " +
    'frame-ancestors \'self\' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string | string[]> = {}) {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': b.length, ...headers });
  res.end(b);
}

export function redirectTo(res: ServerResponse, to: string, headers: Record<string, string | string[]> = {}) {
  res.writeHead(303, { ...SECURITY_HEADERS, location: to, ...headers });
  res.end();
}

/** A POST body: url-encoded fields, or multipart with files (the CSV imports). At most 5 MB. */
export async function readForm(req: IncomingMessage): Promise<{ form: Record<string, string>; files: Record<string, { filename: string; content: Buffer }> }> {
  const body = await readBody(req, 5 * 1024 * 1024);
  const type = req.headers['content-type'] ?? '';
  const form: Record<string, string> = {};
  const files: Record<string, { filename: string; content: Buffer }> = {};
  const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) form[k] = form[k] === undefined ? v : `${form[k]},${v}`;
    return { form, files };
  }
  const sep = Buffer.from(`--${boundary}`);
  let at = body.indexOf(sep);
  while (at >= 0) {
    const next = body.indexOf(sep, at + sep.length);
    if (next < 0) break;
    const part = body.subarray(at + sep.length + 2, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd >= 0) {
      const head = part.subarray(0, headEnd).toString('utf8');
      const content = part.subarray(headEnd + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (name !== undefined && filename !== undefined) files[name] = { filename, content };
      else if (name !== undefined) form[name] = form[name] === undefined ? content.toString('utf8') : `${form[name]},${content.toString('utf8')}`;
    }
    at = next;
  }
  return { form, files };
}
