/** Task pane entry: waits for office.js, then renders the pane for the host (or the standalone page). */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App, HostKind } from './App';
import { officeExcelHost } from '../excel/host';
import { officeWordHost } from '../word/host';

// Read by legacy.js after the page has loaded: the bundle parsed and its modules were set up on this engine.
(window as unknown as { __banliBooted?: boolean }).__banliBooted = true;

function start(host: HostKind): void {
  const root = document.getElementById('root');
  if (!root || (window as unknown as { __banliLegacy?: boolean }).__banliLegacy) return;
  createRoot(root).render(<App host={host} excel={officeExcelHost} word={officeWordHost} />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => start(info.host === Office.HostType.Excel ? 'Excel' : info.host === Office.HostType.Word ? 'Word' : null));
} else {
  start(null);
}
