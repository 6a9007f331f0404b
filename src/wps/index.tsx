/**
 * The WPS add-in's task pane: detects the host (WPS 表格, WPS 文字; WPS before Office) and renders the same App as
 * the Office add-in, with the WPS adapters. Opened in a plain browser it is the standalone page. The bundle's first
 * entry module (setup.ts) has already added what an older WPS browser lacks.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { detectHost } from './detect';
import { wpsExcelHost } from './excel';
import { wpsWordHost } from './word';

const d = detectHost(window as unknown as Parameters<typeof detectHost>[0]);
const root = document.getElementById('root');
if (root) {
  const element =
    d.kind === 'wps-et' ? (
      <App host="Excel" excel={() => wpsExcelHost(d.wps, d.app)} />
    ) : d.kind === 'wps-writer' ? (
      <App host="Word" word={() => wpsWordHost(d.wps, d.app)} />
    ) : (
      <App host={null} />
    );
  createRoot(root).render(element);
}
