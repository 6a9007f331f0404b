/**
 * Microsoft's office.js files as the `local` build copies them into dist/office-js/, loaded in jsdom the way a
 * host loads them: office.js reads the host from _host_Info and itself picks and loads the host file
 * (excel-win32-16.01.js, word-web-16.00.js, …) and its strings. Then every proxy member the adapters touch
 * (EXCEL_MEMBERS, WORD_MEMBERS) must exist in that library, or the capability guarding it must come out false
 * even on a host that claims every requirement set — so a stale copy of office.js fails here, not for a clerk.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { JSDOM, ResourceLoader, VirtualConsole } from 'jsdom';
import * as ts from 'typescript';
import { buildPane } from '../helpers/build';
import { launch, isLocal } from '../helpers/browser';
import { serve } from '../helpers/serve';
import { EXCEL_MEMBERS, excelCapabilities, hasMember, Library } from '../../src/excel/requirements';
import { WORD_MEMBERS, wordCapabilities } from '../../src/word/requirements';

const ROOT = path.join(__dirname, '../..');
let dist: string;

beforeAll(() => {
  dist = buildPane('officejs');
}, 600000);

interface Loaded {
  lib: Library;
  fetched: string[];
  missing: string[];
  build: string | null;
}

/** Loads dist/office-js/office.js in jsdom as the given host; office.js fetches what it needs from dist. */
async function loadAs(hostInfo: string, ns: 'Excel' | 'Word'): Promise<Loaded> {
  const fetched: string[] = [];
  const missing: string[] = [];
  class DistLoader extends ResourceLoader {
    override fetch(url: string) {
      const abortable = (p: Promise<Buffer>) => Object.assign(p, { abort: () => undefined });
      const rel = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
      const file = path.join(dist, rel);
      if (!file.startsWith(dist) || !existsSync(file)) {
        missing.push(rel);
        return abortable(Promise.reject(new Error(`404 ${rel}`)));
      }
      fetched.push(rel);
      return abortable(Promise.resolve(readFileSync(file)));
    }
  }
  const vc = new VirtualConsole(); // office.js's own complaints about having no real host are not ours
  const dom = new JSDOM('<!doctype html><html><head><script src="/office-js/office.js"></script></head><body></body></html>', {
    url: `https://addin.test/taskpane.html?_host_Info=${hostInfo}`,
    runScripts: 'dangerously',
    resources: new DistLoader(),
    virtualConsole: vc,
    pretendToBeVisual: true,
  });
  const win = dom.window as unknown as Record<string, unknown>;
  const deadline = Date.now() + 20000;
  while (!(win[ns] && (win[ns] as Record<string, unknown>).Workbook !== undefined) && !(win[ns] && (win[ns] as Record<string, unknown>).Document !== undefined) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const osf = win.OSF as { ConstantNames?: { FileVersion?: string } } | undefined;
  const loaded: Loaded = { lib: win[ns] as Library, fetched, missing, build: osf?.ConstantNames?.FileVersion ?? null };
  dom.window.close();
  return loaded;
}

const HOSTS: Array<[string, 'Excel' | 'Word', RegExp]> = [
  ['Excel$Win32$16.01$zh-CN$$$$0', 'Excel', /^office-js\/excel-win32-16\.01(-core)?\.js$/],
  ['Excel$Mac$16.00$zh-CN$$$$0', 'Excel', /^office-js\/excel-mac-16\.00(-core)?\.js$/],
  ['Excel$Web$16.00$zh-CN$$$$0', 'Excel', /^office-js\/excel-web-16\.00(-core)?\.js$/],
  ['Word$Win32$16.01$zh-CN$$$$0', 'Word', /^office-js\/word-win32-16\.01\.js$/],
  ['Word$Mac$16.00$zh-CN$$$$0', 'Word', /^office-js\/word-mac-16\.00\.js$/],
  ['Word$Web$16.00$zh-CN$$$$0', 'Word', /^office-js\/word-web-16\.00\.js$/],
];

describe.each(HOSTS)('office.js in dist/ as %s', (hostInfo, ns, hostFile) => {
  let loaded: Loaded;
  beforeAll(async () => {
    loaded = await loadAs(hostInfo, ns);
  }, 60000);

  test('office.js picks its host file and strings, and all of them are in dist/', () => {
    expect(loaded.fetched).toContain('office-js/office.js');
    expect(loaded.fetched.some((f) => hostFile.test(f))).toBe(true);
    expect(loaded.fetched).toContain('office-js/zh-cn/office_strings.js');
    expect(loaded.missing).toEqual([]);
    expect(loaded.build).toMatch(/^16\.0\.\d+\.\d+$/);
    expect(loaded.lib).toBeDefined();
  });

  test('every member the adapters touch exists, or its capability is off (host claiming every set)', () => {
    expect(loaded.lib).toBeDefined();
    const all = () => true;
    const members = ns === 'Excel' ? EXCEL_MEMBERS : WORD_MEMBERS;
    const caps: Record<string, boolean | undefined> = ns === 'Excel' ? { ...excelCapabilities(all, loaded.lib) } : { ...wordCapabilities(all, loaded.lib) };
    const unguarded = members.filter(([c, m, guard]) => !hasMember(loaded.lib, c, m) && caps[guard] !== false).map(([c, m, g]) => `${c}.${m} (${g})`);
    expect(unguarded).toEqual([]);
    // The basic capability never depends on a member this library lacks: the pane always works.
    expect(caps.basic).toBe(true);
    const absent = members.filter(([c, m]) => !hasMember(loaded.lib, c, m)).map(([c, m]) => `${c}.${m}`);
    // For the record (README, office.js): which members this office.js build lacks.
    process.stdout.write(`${hostInfo.split('$').slice(0, 3).join(' ')} office.js ${loaded.build}: missing ${absent.join(', ') || 'nothing'}\n`);
  });
});

/**
 * Every `Class.member` of namespace Excel / Word that the adapters' source reaches, found by the TypeScript checker
 * from the real typings (@types/office-js): property accesses whose declaration is a class member there.
 */
function apiMembersUsed(dir: string): Map<string, string> {
  const files = readdirSync(path.join(ROOT, dir)).filter((n) => n.endsWith('.ts')).map((n) => path.join(ROOT, dir, n));
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const used = new Map<string, string>();
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        const cls = decl?.parent;
        if (decl && cls && ts.isClassDeclaration(cls) && cls.name && /@types[\\/]office-js/.test(decl.getSourceFile().fileName)) {
          let ns: ts.Node | undefined = cls.parent;
          while (ns && !ts.isModuleDeclaration(ns)) ns = ns.parent;
          const nsName = ns && ts.isModuleDeclaration(ns) ? ns.name.getText() : '';
          used.set(`${nsName}.${cls.name.text}.${node.name.text}`, `${path.basename(file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return used;
}

// What every proxy object has (loading, syncing, the request context itself): not host capabilities.
const PLUMBING = /^(Excel|Word|OfficeExtension)\.(RequestContext\.\w+|\w+\.(load|sync|context|isNullObject|toJSON|track|untrack))$|^OfficeExtension\./;

test.each([
  ['Excel', 'src/excel', EXCEL_MEMBERS],
  ['Word', 'src/word', WORD_MEMBERS],
] as const)('%s: every API member the adapters use is in the checked list', (ns, dir, members) => {
  const used = apiMembersUsed(dir);
  expect(used.size).toBeGreaterThan(10);
  const listed = new Set(members.map(([c, m]) => `${ns}.${c}.${m}`));
  const unlisted = [...used].filter(([k]) => !listed.has(k) && !PLUMBING.test(k)).map(([k, where]) => `${k} (${where})`);
  expect(unlisted).toEqual([]);
}, 120000);

test('the local build copies the telemetry agent and the error page office.js asks for (no 404)', () => {
  expect(existsSync(path.join(dist, 'office-js/telemetry/oteljs_agave.js'))).toBe(true);
  expect(existsSync(path.join(dist, 'office-js/agaveerrorux/index.html'))).toBe(true);
  expect(existsSync(path.join(dist, 'office-js/office.debug.js'))).toBe(false);
});

test('the local build served and opened in Chromium: no request fails, nothing leaves the machine, 关于 names the office.js build', async () => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: 'zh-CN' });
    const failed: string[] = [];
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('button', { name: '打开示例台账' }).waitFor({ timeout: 60000 });
    await page.waitForLoadState('networkidle');
    const about = await page.locator('#banli-about').innerText();
    expect(failed).toEqual([]);
    expect(urls.filter((u) => !isLocal(u))).toEqual([]);
    expect(urls.some((u) => /office-js\/office\.js$/.test(u))).toBe(true);
    const build = /FileVersion:"([\d.]+)"/.exec(readFileSync(path.join(dist, 'office-js/office.js'), 'utf8'))![1];
    expect(about).toContain(`office.js ${build}`);
    expect(about).toMatch(/关于：办理助手 \d+\.\d+\.\d+/);
    expect(await page.evaluate(() => (window as unknown as { __banliBooted?: boolean }).__banliBooted)).toBe(true);
  } finally {
    await browser.close();
    await server.close();
  }
}, 120000);
