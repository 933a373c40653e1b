import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleSession } from '../../core/console/console-access.js';
import type { Right } from '../../core/console/rights.js';
import type { PageTranslate } from '../../core/console/page-texts.js';
import type { Locale } from '../../core/messages.js';
import type { Actor } from '../../core/people/person.js';
import type { Html } from './html.js';
import type { ConsoleServices } from './services.js';

/** What a page handler gets: the signed-in person, their language, the parsed request and the services. */
export interface PageContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  /** POST only: the form fields (url-encoded or multipart); files by field name. */
  form: Record<string, string>;
  files: Record<string, { filename: string; content: Buffer }>;
  session: ConsoleSession;
  actor: Actor;
  locale: Locale;
  t: PageTranslate;
  services: ConsoleServices;
}

/** A page's answer: HTML for the layout, a redirect (after a POST), or a file download. */
export type PageResult =
  | { kind: 'page'; title: string; body: Html; status?: number; nav?: string }
  | { kind: 'redirect'; to: string }
  | { kind: 'file'; filename: string; mimeType: string; content: string | Buffer }
  | { kind: 'inline'; mimeType: string; content: Buffer };

/**
 * One route of a page module. `right` is checked on the server for every request before the handler runs
 * (core/console/rights.ts); a POST's CSRF token is checked before it too.
 */
export interface ConsoleRoute {
  method: 'GET' | 'POST';
  /** Under /beheer, e.g. `/workshops` or `/workshops/:id/edit`. */
  path: string;
  right: Right;
  handler(ctx: PageContext): Promise<PageResult>;
}

/** A menu entry: shown to those who have its right. */
export interface NavEntry {
  href: string;
  label: string;
  right: Right;
}

export interface PageModule {
  nav?: NavEntry;
  routes: ConsoleRoute[];
}

export const page = (title: string, body: Html, nav?: string): PageResult => ({ kind: 'page', title, body, ...(nav ? { nav } : {}) });
export const redirect = (to: string): PageResult => ({ kind: 'redirect', to });
