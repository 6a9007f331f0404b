/**
 * Starting the pane inside Office: wait for office.js at most ONREADY_TIMEOUT_MS, follow Office's theme, and say
 * on the 关于 line which office.js build and which host the pane runs with. Plain functions over what office.js
 * gives, so they are tested without Office.
 */

export const ONREADY_TIMEOUT_MS = 10000;

export type Ready = { kind: 'ready'; host: 'Excel' | 'Word' | null } | { kind: 'timeout' } | { kind: 'no-office' };

export interface OfficeLike {
  onReady?: (cb?: (info: { host: unknown; platform: unknown }) => void) => Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel: unknown; Word: unknown };
}

/** Office.onReady, or a timeout after ms (office.js loaded but the host never answered). */
export function waitForOffice(office: OfficeLike | undefined, ms = ONREADY_TIMEOUT_MS, onLate?: (r: Ready) => void): Promise<Ready> {
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ kind: 'no-office' });
  let settled = false;
  return new Promise<Ready>((resolve) => {
    const timer = setTimeout(() => {
      settled = true;
      resolve({ kind: 'timeout' });
    }, ms);
    office.onReady!().then(
      (info) => {
        const host = info.host === office.HostType?.Excel ? 'Excel' : info.host === office.HostType?.Word ? 'Word' : null;
        const r: Ready = { kind: 'ready', host };
        if (settled) onLate?.(r);
        else {
          settled = true;
          clearTimeout(timer);
          resolve(r);
        }
      },
      () => undefined,
    );
  });
}

export const TIMEOUT_MESSAGE =
  '办理助手等了 10 秒，Office 没有响应（office.js 没有加载完成）。请关闭任务窗格后重新打开；如果仍然这样，请联系信息中心检查加载项服务器上的 office.js。下面是独立页面：可以打开台账文件检查。';

/** Office.context.officeTheme, as far as the pane uses it. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
}

function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/** Dark when Office's body background is dark (Office's 黑色 / 深灰色 themes); light otherwise or when unknown. */
export function themeKind(theme: OfficeThemeLike | null | undefined): 'dark' | 'light' {
  const l = theme?.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

/** Reads Office.context.officeTheme where the host has it (Office 2016 and later on Windows and Mac); else null. */
export function readOfficeTheme(context: { officeTheme?: OfficeThemeLike } | undefined): OfficeThemeLike | null {
  try {
    const t = context?.officeTheme;
    return t && typeof t.bodyBackgroundColor === 'string' ? { bodyBackgroundColor: t.bodyBackgroundColor, bodyForegroundColor: t.bodyForegroundColor } : null;
  } catch {
    return null;
  }
}

export interface OfficeJsInfo {
  mode: 'cdn' | 'local';
  source: string;
  /** The build the pane was built with (local mode). */
  build?: string | null;
}

/** The 关于 line: product version, the office.js build running now, and the host. */
export function aboutLine(
  version: string,
  info: OfficeJsInfo,
  runningBuild: string | null,
  diagnostics: { host?: unknown; version?: unknown; platform?: unknown } | null,
): string {
  const build = runningBuild ?? info.build ?? '版本未知';
  const parts = [`关于：办理助手 ${version}`, `office.js ${build}（${info.source}）`];
  if (diagnostics && diagnostics.host) {
    const host = String(diagnostics.host) === 'Excel' ? 'Excel' : String(diagnostics.host) === 'Word' ? 'Word' : String(diagnostics.host);
    parts.push(`${host} ${diagnostics.version ? String(diagnostics.version) : ''}${diagnostics.platform ? `（${String(diagnostics.platform)}）` : ''}`.trim());
  } else parts.push('未在 Office 中运行（独立页面）');
  return parts.join(' · ');
}

/** The office.js build actually loaded: OSF.ConstantNames.FileVersion in Microsoft's office.js. */
export function loadedOfficeJsBuild(win: unknown): string | null {
  try {
    const v = (win as { OSF?: { ConstantNames?: { FileVersion?: unknown } } }).OSF?.ConstantNames?.FileVersion;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}
