/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Help for the standalone page (field test B): dist/help.html covers banli.html, not only the Office buttons, and the
 * page itself has 帮助 — inside the page (it is one file copied anywhere), with no link leaving the machine.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { readFileSync } from 'fs';
import * as path from 'path';
import { act, fireEvent, screen } from '@testing-library/react';
import { Standalone } from '../../src/taskpane/App';
import { PAGE_HELP } from '../../src/taskpane/helpText';
import { renderPage } from './pageFiles';
import { seriousViolations } from './axe';

const HELP = readFileSync(path.join(__dirname, '../../src/taskpane/help.html'), 'utf8');

test('help.html has a section on banli.html with every heading and line of the page’s own help, and no outside link', () => {
  const doc = new DOMParser().parseFromString(HELP, 'text/html');
  const page = doc.getElementById('page')!;
  expect(page.querySelector('h2')!.textContent).toBe('在浏览器中（banli.html）');
  const text = page.textContent ?? '';
  for (const s of PAGE_HELP) {
    expect(text).toContain(s.heading);
    for (const line of s.lines) expect(text).toContain(line);
  }
  expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull();
  expect([...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !h!.startsWith('#'))).toEqual([]);
  expect(HELP).not.toMatch(/https?:\/\//);
});

test('the page’s 帮助 opens its help in the page (focus on it) and closes back to the button', async () => {
  renderPage(<Standalone />);
  const button = screen.getByRole('button', { name: '帮助' });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(button);
  const help = screen.getByTestId('help');
  expect(screen.getByRole('region', { name: '使用帮助' })).toBe(help);
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: '使用帮助' }));
  for (const s of PAGE_HELP) expect(screen.getByRole('heading', { name: s.heading })).toBeTruthy();
  expect(help.textContent).toContain('台账只在本机处理，不会上传到任何地方');
  expect(help.querySelectorAll('a')).toHaveLength(0);
  expect(await seriousViolations()).toEqual([]);
  act(() => fireEvent.click(screen.getByRole('button', { name: '关闭帮助' })));
  expect(screen.queryByTestId('help')).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: '帮助' }));
});
