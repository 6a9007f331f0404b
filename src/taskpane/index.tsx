/**
 * Task pane entry: waits for office.js (at most 10 seconds), follows Office's theme, writes the 关于 line, then
 * renders the pane for the host (or the standalone page).
 */
import * as React from 'react';
import { createRoot, Root } from 'react-dom/client';
import { MessageBar, MessageBarBody, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { App, HostKind } from './App';
import { officeExcelHost } from '../excel/host';
import { officeWordHost } from '../word/host';
import { OfficeJsInfo, TIMEOUT_MESSAGE, aboutLine, loadedOfficeJsBuild, readOfficeTheme, themeKind, waitForOffice } from './boot';

// Read by legacy.js after the page has loaded: the bundle parsed and its modules were set up on this engine.
(window as unknown as { __banliBooted?: boolean }).__banliBooted = true;

declare const BANLI_VERSION: string;
declare const BANLI_OFFICE_JS: OfficeJsInfo;

let root: Root | null = null;

function officeContext(): Office.Context | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context : undefined;
  } catch {
    return undefined;
  }
}

function applyTheme(): 'dark' | 'light' {
  const theme = readOfficeTheme(officeContext() as { officeTheme?: { bodyBackgroundColor?: string } } | undefined);
  if (theme?.bodyBackgroundColor) document.body.style.background = theme.bodyBackgroundColor;
  if (theme?.bodyForegroundColor) document.body.style.color = theme.bodyForegroundColor;
  return themeKind(theme);
}

function writeAbout(): void {
  const el = document.getElementById('banli-about');
  if (!el) return;
  let diagnostics: { host?: unknown; version?: unknown; platform?: unknown } | null = null;
  try {
    diagnostics = officeContext()?.diagnostics ?? null;
  } catch {
    diagnostics = null;
  }
  el.textContent = aboutLine(BANLI_VERSION, BANLI_OFFICE_JS, loadedOfficeJsBuild(window), diagnostics);
}

function start(host: HostKind, notice?: string): void {
  const el = document.getElementById('root');
  if (!el || (window as unknown as { __banliLegacy?: boolean }).__banliLegacy) return;
  const theme = applyTheme() === 'dark' ? webDarkTheme : webLightTheme;
  root ??= createRoot(el);
  root.render(
    <>
      {notice && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <App host={host} excel={officeExcelHost} word={officeWordHost} theme={theme} />
    </>,
  );
  writeAbout();
}

void waitForOffice(typeof Office !== 'undefined' ? (Office as unknown as Parameters<typeof waitForOffice>[0]) : undefined, undefined, (late) => {
  // The host answered after the timeout: show the real pane after all.
  if (late.kind === 'ready') start(late.host);
}).then((r) => {
  if (r.kind === 'ready') {
    start(r.host);
    try {
      // Follow a theme change made while the pane is open (Office 2016 and later; ignored where unsupported).
      Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, () => start(r.host));
    } catch {
      /* no theme events on this host */
    }
  } else if (r.kind === 'timeout') start(null, TIMEOUT_MESSAGE);
  else start(null);
});
