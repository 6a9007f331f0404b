import { readdirSync } from 'fs';
import * as path from 'path';
import { RULES, RULE_IDS, RULE_LIST } from '../../src/core';

test('each rule is one module named after its id, registered once', () => {
  const dir = path.join(__dirname, '../../src/core/rules');
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !['types.ts', 'facts.ts', 'registry.ts'].includes(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  expect([...RULE_IDS].map((id) => id.replace(/\./g, '-')).sort()).toEqual(modules);
  expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
});

test('the id → severity/title table follows the list', () => {
  for (const r of RULE_LIST) {
    expect(RULES[r.id]).toEqual({ severity: r.severity, title: r.title });
    expect(r.title).toMatch(/^[\u4e00-\u9fff（）]/);
  }
});
