/**
 * @jest-environment jsdom
 */
/** On the IE11 engine of old Office hosts, the pane says what to do instead of staying blank. */
import { readFileSync } from 'fs';
import * as path from 'path';

const script = readFileSync(path.join(__dirname, '../../src/taskpane/legacy.js'), 'utf8');

test('an old engine (document.documentMode) gets a Chinese message naming the ways out', () => {
  document.body.innerHTML = '<div id="root"></div>';
  Object.defineProperty(document, 'documentMode', { value: 11, configurable: true });
  new Function(script)();
  expect(document.getElementById('root')!.textContent).toMatch(/旧的 Internet Explorer 浏览器内核.*独立页面.*banli check.*Microsoft 365/);
  delete (document as unknown as { documentMode?: number }).documentMode;
});

test('a current engine is left alone', () => {
  document.body.innerHTML = '<div id="root"></div>';
  new Function(script)();
  expect(document.getElementById('root')!.textContent).toBe('');
});
