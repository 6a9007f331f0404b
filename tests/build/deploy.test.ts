/**
 * Deployment: BANLI_URL=https://host/path/ npm run build writes dist/manifest.xml with every URL under that base and
 * no localhost; the cdn build loads office.js from Microsoft's CDN only; npm start serves HTTPS with the Office
 * development certificate (created when possible) and otherwise refuses, printing the command to run.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import * as https from 'https';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { buildPane } from '../helpers/build';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS helpers
const { productionManifest, checkBase } = require('../../scripts/manifest.js') as { productionManifest: (b: string, xml?: string) => string; checkBase: (b: string) => string };

const ROOT = path.join(__dirname, '../..');
const BASE = 'https://banli.example.gov.cn/addins/banli/';

function urlsOf(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
}

describe('the production manifest', () => {
  test('every URL under the base, none on localhost; the base is checked', () => {
    const xml = productionManifest(BASE);
    const urls = urlsOf(xml);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const u of urls) expect(u.startsWith(BASE)).toBe(true);
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain(`<HighResolutionIconUrl DefaultValue="${BASE}assets/icon-64.png"/>`);
    expect(checkBase('https://banli.example.gov.cn/addins/banli')).toBe(BASE);
    expect(() => checkBase('http://banli.example.gov.cn/')).toThrow(/不是 https/);
    expect(() => checkBase('https://localhost:3000/')).toThrow(/指向本机/);
    expect(() => checkBase('banli.example.gov.cn')).toThrow(/不是完整的网址/);
    expect(productionManifest('https://h.example/a&b/')).toContain('https://h.example/a&amp;b/taskpane.html');
  });

  let dist: string;
  beforeAll(() => {
    dist = buildPane('deploy-cdn', { BANLI_URL: BASE, BANLI_OFFICE_JS: 'cdn' });
  }, 600000);

  test('BANLI_URL=… npm run build writes dist/manifest.xml under that base; the cdn build takes office.js from the CDN only', () => {
    const xml = readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    expect(xml).not.toMatch(/localhost/i);
    for (const u of urlsOf(xml)) expect(u.startsWith(BASE)).toBe(true);
    // Every file the manifest names is in dist/.
    for (const u of urlsOf(xml)) expect(existsSync(path.join(dist, u.slice(BASE.length)))).toBe(true);
    const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    expect(html).not.toMatch(/office-js\/office\.js/);
    expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com 'unsafe-eval'/);
    expect(html).toMatch(/connect-src 'self';/);
    expect(existsSync(path.join(dist, 'office-js'))).toBe(false);
    // The development manifest is untouched.
    expect(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/taskpane.html');
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe('npm start', () => {
  test('without a certificate and without creating one: refuses, prints the command, serves nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'banli-nocert-'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.js')], {
      cwd: ROOT,
      env: { ...process.env, BANLI_CERT_DIR: dir, BANLI_CERT_CREATE: '0', BANLI_PORT: '1' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npx office-addin-dev-certs install');
    expect(r.stderr).toMatch(/不提供 HTTP/);
    expect(r.stdout).toBe('');
  });

  test('creates the certificate where it can and serves the pane over HTTPS only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'banli-cert-'));
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.js')], {
      cwd: ROOT,
      env: { ...process.env, BANLI_CERT_DIR: dir, BANLI_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const get = (secure: boolean) =>
        new Promise<number>((resolve, reject) => {
          const opts = { host: 'localhost', port, path: '/taskpane.html', ...(secure ? { ca: readFileSync(path.join(dir, 'ca.crt')), servername: 'localhost' } : {}) };
          const req = (secure ? https : http).get(opts, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.setTimeout(5000, () => req.destroy(new Error('timeout')));
        });
      let status = 0;
      const deadline = Date.now() + 400000;
      while (Date.now() < deadline) {
        if (existsSync(path.join(dir, 'ca.crt'))) status = await get(true).catch(() => 0);
        if (status === 200) break;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
      expect(out).toContain(`https://localhost:${port}/taskpane.html`);
      expect(existsSync(path.join(dir, 'localhost.crt'))).toBe(true);
      // Trusted through the certificate authority it created: a real HTTPS server for "localhost".
      expect(status).toBe(200);
      // Plain HTTP on the same port is not served.
      const plain = await get(false).catch(() => -1);
      expect(plain).not.toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.on('exit', r)));
    }
  }, 600000);
});
