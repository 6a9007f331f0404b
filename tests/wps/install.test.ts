/**
 * scripts/install-wps.sh against a temporary HOME: the add-in folder under ~/.local/share/Kingsoft/wps/jsaddons, a
 * well-formed publish.xml with one entry per host, other add-ins kept, the same bytes after a second run, an update
 * replacing the old version, uninstall, and clear messages. The Windows script is checked for the same entries.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';

const ROOT = path.join(__dirname, '../..');
const SCRIPTS = path.join(ROOT, 'scripts');

/** A stand-in for dist-wps/: the add-in folder (the files from wps/) and the installers next to it. */
function distWps(version = '0.1.0'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'banli-dist-wps-'));
  const addin = path.join(dir, `banli_${version}`);
  mkdirSync(path.join(addin, 'assets'), { recursive: true });
  for (const f of ['ribbon.xml', 'index.html', 'main.js', 'manifest.xml', 'taskpane.html']) copyFileSync(path.join(ROOT, 'wps', f), path.join(addin, f));
  copyFileSync(path.join(ROOT, 'assets/icon-32.png'), path.join(addin, 'assets/icon-32.png'));
  for (const f of ['install-wps.sh', 'uninstall-wps.sh']) copyFileSync(path.join(SCRIPTS, f), path.join(dir, f));
  return dir;
}

function run(script: string, home: string, args: string[] = []) {
  const r = spawnSync('bash', [script, ...args], { env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const jsaddons = (home: string) => path.join(home, '.local/share/Kingsoft/wps/jsaddons');

function entries(home: string): string[][] {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (l, m) => errors.push(`${l} ${m}`) }).parseFromString(readFileSync(path.join(jsaddons(home), 'publish.xml'), 'utf8'), 'text/xml');
  expect(errors).toEqual([]);
  expect(doc.documentElement!.tagName).toBe('jsplugins');
  return Array.from(doc.documentElement!.childNodes)
    .filter((n) => n.nodeType === 1)
    .map((n) => {
      const e = n as unknown as Element;
      return [e.tagName, e.getAttribute('name')!, e.getAttribute('type')!, e.getAttribute('url')!, e.getAttribute('version') ?? ''];
    });
}

test('a fresh HOME: the folder is copied and publish.xml registers it for WPS 表格 and WPS 文字; a second run changes nothing', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'banli-home-'));
  const dist = distWps();
  const r = run(path.join(dist, 'install-wps.sh'), home);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/办理助手 0\.1\.0 已安装/);
  expect(readdirSync(jsaddons(home)).sort()).toEqual(['banli_0.1.0', 'publish.xml']);
  expect(readFileSync(path.join(jsaddons(home), 'banli_0.1.0/ribbon.xml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'wps/ribbon.xml'), 'utf8'));
  expect(entries(home)).toEqual([
    ['jsplugin', 'banli', 'et', 'banli_0.1.0', '0.1.0'],
    ['jsplugin', 'banli', 'wps', 'banli_0.1.0', '0.1.0'],
  ]);
  const first = readFileSync(path.join(jsaddons(home), 'publish.xml'), 'utf8');
  expect(run(path.join(dist, 'install-wps.sh'), home).code).toBe(0);
  expect(readFileSync(path.join(jsaddons(home), 'publish.xml'), 'utf8')).toBe(first);
  expect(readdirSync(jsaddons(home)).filter((f) => f.startsWith('.'))).toEqual([]); // no staging folder left
});

test('other add-ins stay; an update replaces the old version; uninstall removes only Banli', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'banli-home-'));
  mkdirSync(jsaddons(home), { recursive: true });
  const other = '<jspluginonline name="other" type="wps" url="http://127.0.0.1:3889/" enable="enable_dev" install="null"/>';
  const before = `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${other}\n  <jsplugin name="banli" type="et" url="banli_0.0.9" version="0.0.9" enable="enable_dev" install="null"/>\n  <jsplugin name="banlix" type="et" url="banlix_1.0" version="1.0"/>\n</jsplugins>\n`;
  writeFileSync(path.join(jsaddons(home), 'publish.xml'), before);
  mkdirSync(path.join(jsaddons(home), 'banli_0.0.9'));
  mkdirSync(path.join(jsaddons(home), 'other_1.0'));

  expect(run(path.join(SCRIPTS, 'install-wps.sh'), home, ['--from', path.join(distWps('0.2.0'), 'banli_0.2.0')]).code).toBe(0);
  expect(entries(home)).toEqual([
    ['jspluginonline', 'other', 'wps', 'http://127.0.0.1:3889/', ''],
    ['jsplugin', 'banlix', 'et', 'banlix_1.0', '1.0'],
    ['jsplugin', 'banli', 'et', 'banli_0.2.0', '0.2.0'],
    ['jsplugin', 'banli', 'wps', 'banli_0.2.0', '0.2.0'],
  ]);
  expect(readdirSync(jsaddons(home)).sort()).toEqual(['banli_0.2.0', 'other_1.0', 'publish.xml', 'publish.xml.banli-backup']);
  expect(readFileSync(path.join(jsaddons(home), 'publish.xml.banli-backup'), 'utf8')).toBe(before);

  const u = run(path.join(SCRIPTS, 'uninstall-wps.sh'), home);
  expect(u.code).toBe(0);
  expect(u.out).toMatch(/已卸载/);
  expect(entries(home)).toEqual([
    ['jspluginonline', 'other', 'wps', 'http://127.0.0.1:3889/', ''],
    ['jsplugin', 'banlix', 'et', 'banlix_1.0', '1.0'],
  ]);
  expect(existsSync(path.join(jsaddons(home), 'banli_0.2.0'))).toBe(false);
  expect(existsSync(path.join(jsaddons(home), 'other_1.0'))).toBe(true);
  // Uninstalling twice is fine too.
  expect(run(path.join(SCRIPTS, 'uninstall-wps.sh'), home).code).toBe(0);
});

test('a one-line or empty publish.xml written by WPS itself is handled', () => {
  for (const start of ['<jsplugins><jspluginonline name="x" type="et" url="http://h/"/></jsplugins>', '<jsplugins/>', '']) {
    const home = mkdtempSync(path.join(os.tmpdir(), 'banli-home-'));
    mkdirSync(jsaddons(home), { recursive: true });
    writeFileSync(path.join(jsaddons(home), 'publish.xml'), start);
    expect(run(path.join(SCRIPTS, 'install-wps.sh'), home, ['--from', path.join(distWps(), 'banli_0.1.0')]).code).toBe(0);
    const e = entries(home);
    expect(e.filter((x) => x[1] === 'banli').map((x) => x[2])).toEqual(['et', 'wps']);
    expect(e.filter((x) => x[1] === 'x')).toHaveLength(start.includes('name="x"') ? 1 : 0);
  }
});

test('nothing to install, or a wrong folder: a message in Chinese and exit code 2', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'banli-home-'));
  const empty = mkdtempSync(path.join(os.tmpdir(), 'banli-empty-'));
  copyFileSync(path.join(SCRIPTS, 'install-wps.sh'), path.join(empty, 'install-wps.sh'));
  const r = run(path.join(empty, 'install-wps.sh'), home);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/npm run build:wps/);
  const w = run(path.join(SCRIPTS, 'install-wps.sh'), home, ['--from', empty]);
  expect(w.code).toBe(2);
  expect(w.err).toMatch(/不是办理助手的 WPS 加载项文件夹/);
  expect(run(path.join(SCRIPTS, 'install-wps.sh'), home, ['--bogus']).err).toMatch(/不认识的参数/);
  expect(existsSync(jsaddons(home))).toBe(false);
});

test('the Windows installer writes the same entries to %APPDATA%\\kingsoft\\wps\\jsaddons (UTF-8 with BOM for Windows PowerShell)', () => {
  const ps1 = readFileSync(path.join(SCRIPTS, 'install-wps.ps1'));
  expect([...ps1.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = ps1.toString('utf8');
  expect(text).toContain("Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons'");
  expect(text).toContain("foreach ($type in @('et', 'wps'))");
  for (const attr of ["@('name', $Name)", "@('url', $Folder)", "@('version', $Version)", "@('enable', 'enable_dev')", "@('install', 'null')"]) expect(text).toContain(attr);
  expect(text).toContain(`jsplugin[@name='$Name'] | jspluginonline[@name='$Name']`);
  const sh = readFileSync(path.join(SCRIPTS, 'install-wps.sh'), 'utf8');
  expect(sh).toContain('enable=\\"enable_dev\\" install=\\"null\\"');
  expect(readFileSync(path.join(SCRIPTS, 'install-wps.cmd'), 'utf8')).toMatch(/-File "%~dp0install-wps\.ps1" %\*\r\n/);
});
