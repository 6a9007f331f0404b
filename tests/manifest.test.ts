/** The manifest checked offline (Microsoft's validator needs the internet: npm run validate). */
import { DOMParser, Element } from '@xmldom/xmldom';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const errors: string[] = [];
const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
const root = doc.documentElement!;
const children = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const all = (name: string) => Array.from(doc.getElementsByTagName(name));

test('well-formed, a task pane app', () => {
  expect(errors).toEqual([]);
  expect(root.localName).toBe('OfficeApp');
  expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
});

test('id, version, locale and display strings (Chinese first, English override)', () => {
  const text = (n: string) => all(n)[0]?.textContent?.trim();
  expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(text('DefaultLocale')).toBe('zh-CN');
  expect(all('DisplayName')[0].getAttribute('DefaultValue')).toBe('办理助手');
  expect(all('Override').some((o) => o.getAttribute('Locale') === 'en-US' && o.getAttribute('Value') === 'Banli')).toBe(true);
  expect(text('Permissions')).toBe('ReadWriteDocument');
});

test('hosts: Excel workbook and Word document, no API set in the base requirements', () => {
  const hosts = children(children(root).find((e) => e.localName === 'Hosts')!).map((h) => h.getAttribute('Name'));
  expect(hosts).toEqual(['Workbook', 'Document']);
  expect(children(root).some((e) => e.localName === 'Requirements')).toBe(false);
});

test('top-level elements in the schema’s order', () => {
  const order = [
    'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
    'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
  ];
  const names = children(root).map((e) => e.localName!);
  const positions = names.map((n) => order.indexOf(n));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test('every URL is the add-in’s own server; no extra domains', () => {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  expect(all('AppDomain')).toHaveLength(0);
});

test('every resid resolves, and every image exists in assets/', () => {
  const ids = new Set(all('bt:Image').concat(all('bt:Url'), all('bt:String')).map((e) => e.getAttribute('id')));
  const refs = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  expect(refs.length).toBeGreaterThan(10);
  for (const r of refs) expect(ids).toContain(r);
  for (const img of all('bt:Image').filter((e) => e.getAttribute('id'))) {
    const rel = new URL(img.getAttribute('DefaultValue')!).pathname;
    expect(existsSync(path.join(ROOT, rel))).toBe(true);
  }
  expect(existsSync(path.join(ROOT, 'assets/icon-32.png'))).toBe(true);
  expect(existsSync(path.join(ROOT, 'assets/icon-80.png'))).toBe(true);
});

test('the high-resolution icon is the 64×64 one', () => {
  const url = all('HighResolutionIconUrl')[0].getAttribute('DefaultValue')!;
  expect(url).toBe('https://localhost:3000/assets/icon-64.png');
  const png = readFileSync(path.join(ROOT, 'assets/icon-64.png'));
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([64, 64]); // IHDR width, height
});

test('a button on the Home tab of each host opens the task pane', () => {
  const tabs = all('OfficeTab');
  expect(tabs.map((t) => t.getAttribute('id'))).toEqual(['TabHome', 'TabHome']);
  expect(all('Action').map((a) => a.getAttribute('xsi:type'))).toEqual(['ShowTaskpane', 'ShowTaskpane']);
  const short = all('bt:ShortStrings')[0];
  const shortStrings = children(short).map((s) => s.getAttribute('DefaultValue') ?? '');
  for (const s of shortStrings) expect([...s].length).toBeLessThanOrEqual(125);
});
