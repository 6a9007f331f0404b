/** Host detection at start-up (WPS before Office) and the ribbon callbacks in main.js, run as WPS runs them. */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { detectHost } from '../../src/wps/detect';
import { FakeEtApp, FakeWps, FakeWpsApp } from '../helpers/wpsFake';

describe('detectHost', () => {
  test('WPS 表格 and WPS 文字 by their Application, even when an Office object is present too', () => {
    const wps = new FakeWps();
    const office = { onReady: () => undefined };
    expect(detectHost({ wps, Application: { Workbooks: {} }, Office: office }).kind).toBe('wps-et');
    expect(detectHost({ wps, Application: { Documents: {} }, Office: office }).kind).toBe('wps-writer');
  });

  test('without window.Application, through wps.EtApplication() / wps.WpsApplication()', () => {
    const et = new FakeEtApp(() => []);
    Object.assign(et, { Workbooks: {} });
    expect(detectHost({ wps: new FakeWps(undefined, et) })).toMatchObject({ kind: 'wps-et', app: et });
    const doc = new FakeWpsApp(new FakeWps().FileSystem);
    Object.assign(doc, { Documents: {} });
    expect(detectHost({ wps: new FakeWps(undefined, undefined, doc) })).toMatchObject({ kind: 'wps-writer', app: doc });
  });

  test('Office, or nothing (the standalone page); a `wps` that is not WPS’s is not taken for it', () => {
    expect(detectHost({ Office: { onReady: () => undefined } }).kind).toBe('office');
    expect(detectHost({}).kind).toBe('none');
    expect(detectHost({ wps: { name: 'something else' }, Application: { Workbooks: {} } }).kind).toBe('none');
    const throwing = { get Workbooks(): unknown { throw new Error('not ready'); } };
    expect(detectHost({ wps: new FakeWps(), Application: throwing }).kind).toBe('none');
  });
});

describe('main.js (the ribbon callbacks)', () => {
  function load(app: Record<string, unknown>) {
    const created: string[] = [];
    const storage = new Map<string, unknown>();
    const panes: Array<{ ID: number; Visible: boolean; DockPosition?: number }> = [];
    Object.assign(app, {
      PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => storage.set(k, v) },
      CreateTaskPane: (url: string) => {
        created.push(url);
        const p = { ID: panes.length + 7, Visible: false };
        panes.push(p);
        return p;
      },
      GetTaskPane: (id: number) => {
        const p = panes.find((x) => x.ID === id);
        if (!p) throw new Error('gone');
        return p;
      },
    });
    const ctx = vm.createContext({ window: { Application: app }, document: { location: 'file:///home/k/.local/share/Kingsoft/wps/jsaddons/banli_0.1.0/index.html' }, decodeURI });
    vm.runInContext(readFileSync(path.join(__dirname, '../../wps/main.js'), 'utf8'), ctx);
    return { ctx, created, panes, call: (fn: string, arg?: unknown) => (vm.runInContext(fn, ctx) as (a: unknown) => unknown)(arg) };
  }

  test('the button opens the pane once (right-hand side), then shows and hides it', () => {
    const { created, panes, call } = load({ Workbooks: {} });
    expect(call('OnAddinLoad', { ribbon: 1 })).toBe(true);
    expect(call('OnBanliAction', { Id: 'banliCheck' })).toBe(true);
    expect(created).toEqual(['file:///home/k/.local/share/Kingsoft/wps/jsaddons/banli_0.1.0/taskpane.html']);
    expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2 });
    call('OnBanliAction', { Id: 'banliCheck' });
    expect(panes[0].Visible).toBe(false);
    call('OnBanliAction', { Id: 'banliCheck' });
    expect(panes[0].Visible).toBe(true);
    expect(created).toHaveLength(1);
  });

  test('a pane that is gone is made again', () => {
    const { created, panes, call } = load({ Documents: {} });
    call('OnBanliAction', { Id: 'banliCircular' });
    panes.splice(0, 1);
    call('OnBanliAction', { Id: 'banliCircular' });
    expect(created).toHaveLength(2);
  });

  test('检查台账 shows in 表格, 插入通报 in 文字', () => {
    const et = load({ Workbooks: {} });
    expect([et.call('OnBanliGetVisible', { Id: 'banliCheck' }), et.call('OnBanliGetVisible', { Id: 'banliCircular' })]).toEqual([true, false]);
    const writer = load({ Documents: {} });
    expect([writer.call('OnBanliGetVisible', { Id: 'banliCheck' }), writer.call('OnBanliGetVisible', { Id: 'banliCircular' })]).toEqual([false, true]);
    expect(writer.call('OnBanliGetImage', { Id: 'banliCircular' })).toBe('assets/icon-32.png');
  });
});
