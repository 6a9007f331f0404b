/** Shared by the page tests in Chromium: axe-core, long tasks, no horizontal scroll. */
import { readFileSync } from 'fs';
import { Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeIssue {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Serious and critical axe-core violations on the page as it is now (axe is evaluated, not loaded: no request). */
export async function seriousViolations(page: Page): Promise<AxeIssue[]> {
  // The settled page, not a frame of a fade-in: a message bar caught mid-animation has a washed-out colour.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** Records main-thread long tasks (Long Tasks API) from the start of the page; read and reset with longTasks(). */
export const LONG_TASKS_INIT = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration)); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__longTasks = null; }
`;

export async function longTasks(page: Page, reset = false): Promise<number[]> {
  return page.evaluate((r) => {
    const w = window as unknown as { __longTasks: number[] | null };
    if (w.__longTasks === null) throw new Error('this Chromium has no Long Tasks API');
    const out = [...w.__longTasks];
    if (r) w.__longTasks.length = 0;
    return out;
  }, reset);
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Records every text the progress line shows from now on (a MutationObserver in the page), so a test can assert on a
 * state that lasts only while reading, however slowly a loaded machine lets it poll.
 */
export async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: string[] };
    w.__progressSeen = [];
    const note = () => {
      const t = document.querySelector('[data-testid="progress"]')?.textContent ?? '';
      if (t && w.__progressSeen[w.__progressSeen.length - 1] !== t) w.__progressSeen.push(t);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { __progressSeen: string[] }).__progressSeen]);
}
