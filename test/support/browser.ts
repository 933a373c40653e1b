import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => Boolean(p),
);

/**
 * Debian's Chromium, installed on first use when missing (CI starts from a clean machine; the brief allows apt).
 * Browser tests fail loudly rather than skip when it cannot be had.
 */
export function chromiumPath(): string {
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore' });
  const installed = candidates.find((p) => existsSync(p));
  if (!installed) throw new Error('Chromium is missing and `apt-get install -y chromium` did not provide it');
  return installed;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

/** A phone-sized page (an outdoor worker's phone), or a desktop one. */
export async function openPage(browser: Browser, size: 'phone' | 'desktop' = 'desktop'): Promise<Page> {
  const context = await browser.newContext(
    size === 'phone'
      ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 900 } },
  );
  return context.newPage();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page; returns the violations, readable in a failure message. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // addScriptTag would be refused by a strict Content-Security-Policy; evaluate runs outside the page's CSP.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface Found {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }
    type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Found[] }> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

const artefacts = join(process.cwd(), 'test-artifacts', 'screenshots');

/** Keeps a full-page screenshot as a test artefact (test-artifacts/screenshots/<name>.png). */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artefacts, { recursive: true });
  const file = join(artefacts, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
