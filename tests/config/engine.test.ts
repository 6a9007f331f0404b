/**
 * The page's engine op `configure`: the settings are checked again in the engine, used by check, the annotated copy
 * and the circular (表扬单位), kept when the engine restarts after cancel; invalid ones are refused and the settings
 * before stay in force.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { inThreadEngine } from '../../src/browser/inThread';
import { CheckView, defaultOptions } from '../../src/core';

const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
const AS_OF = '2021-07-19';
const bytes = () => new Uint8Array(readFileSync(SAMPLE));
const overdue = (v: CheckView) => (v.ok ? /超期未答复 (\d+) 件/.exec(v.totalsLines.join(''))?.[1] : v.message);

test('configure: used by check and the annotated copy; refused when invalid; kept across cancel', async () => {
  const e = inThreadEngine();
  await e.open([{ bytes: bytes(), name: 'ledger-2021.xlsx' }]);
  expect(overdue(await e.check(AS_OF))).toBe('6');
  await e.configure({ deadlineMonths: { 市人大建议: 5 } });
  expect(overdue(await e.check(AS_OF))).toBe('0');
  const zip = await JSZip.loadAsync(await e.annotated(AS_OF));
  const notes = (await Promise.all(Object.keys(zip.files).filter((n) => /comments\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')))).join('');
  expect(notes).not.toContain('仍未答复');
  await expect(e.configure({ deadlineMonths: '五个月' } as never)).rejects.toThrow('设置有 1 处问题，没有使用：“deadlineMonths”应是月数');
  expect(overdue(await e.check(AS_OF))).toBe('0');
  e.cancel();
  await e.open([{ bytes: bytes(), name: 'ledger-2021.xlsx' }]);
  expect(overdue(await e.check(AS_OF))).toBe('0');
}, 120000);

test('configure: the settings’ 表扬单位 name the circular’s 办理较好的单位 unless the options name them', async () => {
  const e = inThreadEngine();
  await e.open([{ bytes: bytes(), name: 'ledger-2021.xlsx' }]);
  await e.configure({ praisedUnits: ['市城建局'] });
  const text = async (o = defaultOptions(2021, '2021-08-01')) => {
    const zip = await JSZip.loadAsync(await e.circular(o, AS_OF));
    return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  };
  expect(await text()).toMatch(/市城建局答复及时、规范/);
  expect(await text({ ...defaultOptions(2021, '2021-08-01'), praisedUnits: ['市城管局'] })).not.toMatch(/市城建局答复及时/);
}, 120000);
