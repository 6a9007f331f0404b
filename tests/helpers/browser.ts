/** Debian's Chromium driven by playwright-core, as the machine notes prescribe; every request is recorded. */
import { chromium, Browser, Page } from 'playwright-core';
import { requireTool } from './office';

export const CHROMIUM = process.env.BANLI_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  requireTool(CHROMIUM);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/** URLs the page asked for, to prove that nothing left the machine. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function isLocal(url: string): boolean {
  return /^(data:|blob:|about:|file:|https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/)/.test(url);
}
