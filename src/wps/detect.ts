/**
 * Which host the page runs in, WPS first: WPS's embedded browser may also carry an `Office` object (compatibility
 * shims in some builds), while Office never carries WPS's `wps` global or an Application with Workbooks/Documents.
 */
import { EtApplication, WpsApplication, WpsGlobal } from './types';

export type Detected =
  | { kind: 'wps-et'; wps: WpsGlobal; app: EtApplication }
  | { kind: 'wps-writer'; wps: WpsGlobal; app: WpsApplication }
  | { kind: 'office' }
  | { kind: 'none' };

interface HostWindow {
  wps?: unknown;
  Application?: unknown;
  Office?: unknown;
}

function has(o: unknown, key: string): boolean {
  try {
    return !!o && typeof o === 'object' && (o as Record<string, unknown>)[key] !== undefined && (o as Record<string, unknown>)[key] !== null;
  } catch {
    return false;
  }
}

export function detectHost(w: HostWindow): Detected {
  const g = w.wps as WpsGlobal | undefined;
  const app = w.Application;
  if (g && typeof g === 'object' && typeof g.CreateTaskPane === 'function') {
    if (has(app, 'Workbooks')) return { kind: 'wps-et', wps: g, app: app as EtApplication };
    if (has(app, 'Documents')) return { kind: 'wps-writer', wps: g, app: app as WpsApplication };
    if (typeof g.EtApplication === 'function' && has(g.EtApplication(), 'Workbooks')) return { kind: 'wps-et', wps: g, app: g.EtApplication() };
    if (typeof g.WpsApplication === 'function' && has(g.WpsApplication(), 'Documents')) return { kind: 'wps-writer', wps: g, app: g.WpsApplication() };
  }
  if (w.Office && typeof (w.Office as { onReady?: unknown }).onReady === 'function') return { kind: 'office' };
  return { kind: 'none' };
}
