/**
 * Banli's settings kept with the workbook (Office document settings): the adapter against office-addin-mock's
 * Office object (through officeExcelHost, as the pane gets it) and against Microsoft's real office.js Settings
 * classes (loaded in jsdom as Excel on Windows, the web and Mac): the members exist, a value written is read back
 * after a save-and-reopen through office.js's own serializer, an unusable stored value is reported, a failed save
 * leaves the settings as they were.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { JSDOM, ResourceLoader, VirtualConsole } from 'jsdom';
import { OfficeMockObject } from 'office-addin-mock';
import { ConfigFile } from '../../src/core';
import { officeExcelHost } from '../../src/excel/host';
import { officeWordHost } from '../../src/word/host';
import { CONFIG_SETTING, DOCUMENT_SETTINGS_MEMBERS, documentConfigStore, documentSettingsUsable, readStored } from '../../src/excel/settings';
import { defaultSettings } from '../../src/config/form';
import { capabilityNotes } from '../../src/excel/requirements';

const FIVE_MONTHS: ConfigFile = { ...defaultSettings(), deadlineMonths: { 市政协提案: 5 } };

/** Office as office-addin-mock fakes it: document settings over a map, saveAsync answering `status`. */
function mockOffice(initial: Record<string, unknown> = {}, status = 'succeeded') {
  const data = new Map<string, unknown>(Object.entries(initial));
  const saved = new Map<string, unknown>(data);
  const calls: string[] = [];
  // Office's enum is a plain constant (a mock's properties must be loaded first, as Excel objects' are).
  const context = new OfficeMockObject({
    requirements: { isSetSupported: () => true },
    document: {
      settings: {
        get: (n: string) => (data.has(n) ? data.get(n) : null),
        set: (n: string, v: unknown) => {
          calls.push(`set ${n}`);
          data.set(n, v);
        },
        remove: (n: string) => {
          calls.push(`remove ${n}`);
          data.delete(n);
        },
        saveAsync: (cb: (r: unknown) => void) => {
          calls.push('saveAsync');
          if (status === 'succeeded') {
            saved.clear();
            for (const [k, v] of data) saved.set(k, v);
          }
          cb({ status, error: status === 'succeeded' ? null : { message: '文档是只读的' } });
        },
      },
    },
  });
  const office = { AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' }, context };
  return { office, data, saved, calls };
}

describe('against office-addin-mock, through officeExcelHost', () => {
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });

  test('nothing stored: no settings and nothing to report; 保存 writes one key and saves; the defaults remove it', async () => {
    const m = mockOffice();
    g.Office = m.office;
    const host = officeExcelHost();
    expect(host.settings).toBeDefined();
    expect(host.capabilities.documentSettings).toBe(true);
    expect(host.settings!.load()).toEqual({ file: null, problem: null });
    expect(m.calls).toEqual([]);
    await host.settings!.save(FIVE_MONTHS);
    expect(m.calls).toEqual([`set ${CONFIG_SETTING}`, 'saveAsync']);
    expect(JSON.parse(m.saved.get(CONFIG_SETTING) as string)).toEqual(FIVE_MONTHS);
    // Reopened: the same settings come back.
    g.Office = mockOffice(Object.fromEntries(m.saved)).office;
    expect(officeExcelHost().settings!.load()).toEqual({ file: FIVE_MONTHS, problem: null });
    await host.settings!.save(defaultSettings());
    expect(m.saved.has(CONFIG_SETTING)).toBe(false);
  });

  test('an unusable stored value is reported in Chinese and not used', () => {
    for (const bad of ['{ not json', JSON.stringify({ deadlineMonths: '三个月' }), JSON.stringify({ dueSoon: 3 })]) {
      g.Office = mockOffice({ [CONFIG_SETTING]: bad }).office;
      const r = officeExcelHost().settings!.load();
      expect(r.file).toBeNull();
      expect(r.problem).toMatch(/^工作簿中保存的设置有 1 处问题，没有使用（检查按默认设置进行）：/);
    }
    expect(readStored(JSON.stringify({ deadlineMonths: '三个月' })).problem).toContain('“deadlineMonths”应是月数');
    expect(readStored({ dueSoonDays: 20 })).toEqual({ file: { dueSoonDays: 20 }, problem: null });
  });

  test('a save Excel refuses: rejected with a message, and the document settings put back as they were', async () => {
    const m = mockOffice({ [CONFIG_SETTING]: JSON.stringify({ dueSoonDays: 20 }) }, 'failed');
    g.Office = m.office;
    await expect(officeExcelHost().settings!.save(FIVE_MONTHS)).rejects.toThrow('Excel 没有保存设置（文档是只读的）');
    expect(m.data.get(CONFIG_SETTING)).toBe(JSON.stringify({ dueSoonDays: 20 }));
  });

  test('an Office without document settings (or missing a member): no store, the pane says so instead of throwing', () => {
    const m = mockOffice();
    g.Office = m.office;
    const settings = (m.office.context as unknown as { document: { settings: Record<string, unknown> } }).document.settings;
    delete settings.saveAsync;
    const host = officeExcelHost();
    expect(host.settings).toBeUndefined();
    expect(host.capabilities.documentSettings).toBe(false);
    expect(capabilityNotes(host.capabilities)).toContain('这个版本的 Excel 不能把设置保存在工作簿中：“设置”只在这次打开窗格时有效。');
  });
});

describe('the Word host over office-addin-mock', () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });
  test('settings kept in the document: read and written under the same key; messages name Word and 文档; none without document settings', async () => {
    const m = mockOffice({ [CONFIG_SETTING]: JSON.stringify({ deadlineMonths: '三个月' }) }, 'failed');
    g.Office = m.office;
    const host = officeWordHost();
    expect(host.settings!.load().problem).toMatch(/^文档中保存的设置有 1 处问题，没有使用/);
    await expect(host.settings!.save(FIVE_MONTHS)).rejects.toThrow('Word 没有保存设置（文档是只读的）');
    const ok = mockOffice();
    g.Office = ok.office;
    await officeWordHost().settings!.save(FIVE_MONTHS);
    expect(JSON.parse(ok.saved.get(CONFIG_SETTING) as string)).toEqual(FIVE_MONTHS);
    delete (ok.office.context as unknown as { document: { settings: Record<string, unknown> } }).document.settings.saveAsync;
    expect(officeWordHost().settings).toBeUndefined();
  });
});

// ---- Microsoft's office.js ------------------------------------------------------------------------------------

const DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** office.js loaded in jsdom as the host: it picks and loads its own host file from the npm package's folder. */
async function loadOfficeJs(hostInfo: string): Promise<{ win: Record<string, unknown>; close: () => void }> {
  class Loader extends ResourceLoader {
    override fetch(url: string) {
      const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/office-js\//, '');
      const f = path.join(DIST, rel);
      const p = f.startsWith(DIST) && existsSync(f) ? Promise.resolve(readFileSync(f)) : Promise.reject(new Error(`404 ${rel}`));
      return Object.assign(p, { abort: () => undefined });
    }
  }
  const dom = new JSDOM('<!doctype html><html><head><script src="/office-js/office.js"></script></head><body></body></html>', {
    url: `https://addin.test/taskpane.html?_host_Info=${hostInfo}`,
    runScripts: 'dangerously',
    resources: new Loader(),
    virtualConsole: new VirtualConsole(),
    pretendToBeVisual: true,
  });
  const win = dom.window as unknown as Record<string, unknown>;
  const deadline = Date.now() + 20000;
  const ready = () =>
    ((win.Excel as Record<string, unknown> | undefined)?.Workbook || (win.Word as Record<string, unknown> | undefined)?.Document) &&
    (win.OSF as { DDA?: { RefreshableSettings?: unknown } } | undefined)?.DDA?.RefreshableSettings;
  while (!ready() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return { win, close: () => dom.window.close() };
}

interface OsfDda {
  Settings: new (s: Record<string, unknown>) => unknown;
  RefreshableSettings: new (s: Record<string, unknown>) => unknown;
  SettingsManager: { serializeSettings(s: unknown): Record<string, string>; deserializeSettings(s: Record<string, string>): Record<string, unknown> };
}

// Word keeps the pane's 设置 in its document the same way (the Word pane's store is the same code).
describe.each([
  'Excel$Win32$16.01$zh-CN$$$$0',
  'Excel$Web$16.00$zh-CN$$$$0',
  'Excel$Mac$16.00$zh-CN$$$$0',
  'Word$Win32$16.01$zh-CN$$$$0',
  'Word$Web$16.00$zh-CN$$$$0',
  'Word$Mac$16.00$zh-CN$$$$0',
])('Microsoft office.js as %s', (hostInfo) => {
  const program = hostInfo.split('$')[0];
  let office: { win: Record<string, unknown>; close: () => void };
  let dda: OsfDda;
  beforeAll(async () => {
    office = await loadOfficeJs(hostInfo);
    dda = (office.win.OSF as { DDA: OsfDda }).DDA;
  }, 60000);
  afterAll(() => office?.close());

  test('its document settings have every member Banli calls; written, serialized, reopened: the same settings', () => {
    expect(typeof dda.RefreshableSettings).toBe('function');
    for (const Cls of [dda.Settings, dda.RefreshableSettings]) {
      const settings = new Cls({});
      expect(DOCUMENT_SETTINGS_MEMBERS.filter((m) => typeof (settings as Record<string, unknown>)[m] !== 'function')).toEqual([]);
      expect(documentSettingsUsable(settings)).toBe(true);
      const store = documentConfigStore(settings as never);
      expect(store.load()).toEqual({ file: null, problem: null });
      (settings as { set(n: string, v: unknown): void }).set(CONFIG_SETTING, JSON.stringify(FIVE_MONTHS));
      // What the document keeps (office.js's serializer over the settings' contents), and the settings office.js
      // makes of it when the workbook is opened again.
      const kept = dda.SettingsManager.serializeSettings({ [CONFIG_SETTING]: (settings as { get(n: string): unknown }).get(CONFIG_SETTING) });
      const reopened = new Cls(dda.SettingsManager.deserializeSettings(kept));
      expect(documentConfigStore(reopened as never).load()).toEqual({ file: FIVE_MONTHS, problem: null });
      const broken = new Cls(dda.SettingsManager.deserializeSettings({ [CONFIG_SETTING]: JSON.stringify('{"deadlineMonths": "三"}') }));
      expect(documentConfigStore(broken as never).load().problem).toContain('“deadlineMonths”应是月数');
    }
  });

  test('saveAsync with no Office host behind it: the save is refused with a message and the value put back', async () => {
    const settings = new dda.RefreshableSettings({ [CONFIG_SETTING]: JSON.stringify({ dueSoonDays: 20 }) });
    const store = documentConfigStore(settings as never, (office.win.Office as { AsyncResultStatus: { Succeeded: unknown } }).AsyncResultStatus.Succeeded, program);
    await expect(store.save(FIVE_MONTHS)).rejects.toThrow(new RegExp(`^${program} 没有保存设置`));
    expect(store.load()).toEqual({ file: { dueSoonDays: 20 }, problem: null });
  });
});
