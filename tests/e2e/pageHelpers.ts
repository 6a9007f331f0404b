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
