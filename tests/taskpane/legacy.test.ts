/**
 * @jest-environment jsdom
 */
/**
 * The first script (legacy.js, ES5): on Internet Explorer, on an engine missing a built-in the bundle needs, and on any
 * engine where the bundle did not start (a SyntaxError in an old WebView), the pane says in Chinese what to do instead
 * of staying blank. On a current engine it does nothing.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as acorn from 'acorn';

const script = readFileSync(path.join(__dirname, '../../src/taskpane/legacy.js'), 'utf8');
type Flags = { __banliLegacy?: boolean; __banliBooted?: boolean };
const flags = window as unknown as Flags;

/** Runs legacy.js; `at` stands in for the page's location (jsdom's is http://localhost/). */
function run(at: { protocol: string } = location): string {
  new Function('location', script)(at);
  return document.getElementById('root')!.textContent ?? '';
}

// jsdom has no fetch; every engine Office runs panes in has one.
const w0 = window as unknown as { fetch?: unknown };
if (typeof w0.fetch !== 'function') w0.fetch = () => Promise.reject(new Error('no network in tests'));

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  delete flags.__banliLegacy;
  delete flags.__banliBooted;
});

test('legacy.js itself is ES5, so that every engine can run it', () => {
  expect(() => acorn.parse(script, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

test('Internet Explorer (document.documentMode) gets a Chinese message naming the ways out', () => {
  Object.defineProperty(document, 'documentMode', { value: 11, configurable: true });
  try {
    expect(run()).toMatch(/旧的 Internet Explorer 浏览器内核.*请更新.*独立页面.*banli check.*Microsoft 365/);
    expect(flags.__banliLegacy).toBe(true);
    expect(document.querySelector('[role="alert"]')).not.toBeNull();
  } finally {
    delete (document as unknown as { documentMode?: number }).documentMode;
  }
});

test('an engine without a built-in the bundle needs (here: Proxy) gets the update notice before the bundle runs', () => {
  const w = window as unknown as { Proxy?: unknown };
  const saved = w.Proxy;
  delete w.Proxy;
  try {
    expect(run()).toMatch(/内核太旧.*请更新/);
    expect(flags.__banliLegacy).toBe(true);
  } finally {
    w.Proxy = saved;
  }
});

test('an engine where the bundle did not start (no __banliBooted at load) gets the update notice', () => {
  expect(run()).toBe('');
  expect(flags.__banliLegacy).toBeUndefined();
  window.dispatchEvent(new Event('load'));
  expect(document.getElementById('root')!.textContent).toMatch(/内核太旧.*请更新/);
  expect(flags.__banliLegacy).toBe(true);
});

test('a current engine whose bundle started is left alone', () => {
  expect(run()).toBe('');
  flags.__banliBooted = true;
  window.dispatchEvent(new Event('load'));
  expect(document.getElementById('root')!.textContent).toBe('');
  expect(flags.__banliLegacy).toBeUndefined();
});

test('taskpane.html opened from disk (file:) says at once, in Chinese, to open banli.html, with links to it and the help', () => {
  expect(run({ protocol: 'file:' })).toMatch(/任务窗格，要在 Office 中使用.*请打开同一文件夹中的 banli\.html/);
  expect(flags.__banliLegacy).toBe(true);
  const links = [...document.querySelectorAll('#root a')].map((a) => a.getAttribute('href'));
  expect(links).toEqual(['banli.html', 'help.html']);
  // The bundle is told not to render over it, whether or not it starts.
  flags.__banliBooted = true;
  window.dispatchEvent(new Event('load'));
  expect(document.getElementById('root')!.textContent).toMatch(/banli\.html/);
});
