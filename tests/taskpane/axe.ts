/** axe-core over a pane rendered in jsdom (layout-dependent rules such as colour contrast are checked in Chromium). */
import axe from 'axe-core';

export async function seriousViolations(root: Element = document.body): Promise<Array<{ id: string; nodes: string[] }>> {
  const r = await axe.run(root, { resultTypes: ['violations'] });
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 120)) }));
}
