/** The 设置 form's model: a settings file into the form and back unchanged; what the clerk types into the file's shape. */
import { exampleConfigFile } from '../../src/core';
import { defaultSettings, draftFrom, fileFromDraft, sameSettings } from '../../src/config/form';

test('the defaults and the banli init example go through the form unchanged and valid', () => {
  for (const file of [defaultSettings(), { ...exampleConfigFile(), fixedDeadlines: { 省人大建议: '2021-07-31' }, praisedUnits: ['市交通局', '市园林局'] }]) {
    const { file: back, issues } = fileFromDraft(draftFrom(file));
    expect(issues).toEqual([]);
    // The example's empty fixedDeadlines / praisedUnits are left out: the same settings.
    const expected = Object.fromEntries(Object.entries(file).filter(([, v]) => !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) && !(Array.isArray(v) && v.length === 0)));
    expect(back).toEqual(expected);
  }
  expect(sameSettings({ dueSoonDays: 3, maxExtensionMonths: 6 }, { maxExtensionMonths: 6, dueSoonDays: 3 })).toBe(true);
});

test('what the clerk types: numbers (also full-width), words split by 、, rows; per-source months replace the uniform number', () => {
  const d = draftFrom(defaultSettings());
  const r = fileFromDraft({
    ...d,
    officeLevel: 'county',
    sources: [
      { label: '民革提案', body: 'cppcc', level: 'own', interSession: false },
      { label: '', body: 'npc', level: 'own', interSession: false },
    ],
    deadlineBySource: [{ label: '区政协提案', value: '５' }],
    fixedDeadlines: [{ label: '市人大建议', value: '2021-08-31' }],
    categories: [...d.categories, { label: 'D', value: '留作参考、 暂缓' }],
    headers: [{ label: '答复日期', value: '回函日期，复文日期' }],
    dueSoonDays: ' 20 ',
    praisedUnits: '区交通局\n\n区园林局 ',
  });
  expect(r.issues).toEqual([]);
  expect(r.file).toMatchObject({
    officeLevel: 'county',
    sources: { 民革提案: { body: 'cppcc', level: 'own' } },
    deadlineMonths: { 区政协提案: 5 },
    fixedDeadlines: { 市人大建议: '2021-08-31' },
    headers: { 答复日期: ['回函日期', '复文日期'] },
    dueSoonDays: 20,
    praisedUnits: ['区交通局', '区园林局'],
  });
  expect(r.file.categories!.D).toEqual(['留作参考', '暂缓']);
});

test('problems carry the section they belong to; text that is not a number reaches the schema as text', () => {
  const d = draftFrom(defaultSettings());
  const r = fileFromDraft({
    ...d,
    sources: [{ label: '', body: 'cppcc', level: 'own', interSession: false }],
    deadlineBySource: [{ label: '市政协提案', value: '5' }, { label: '市政协提案', value: '6' }],
    fixedDeadlines: [{ label: '', value: '2021-08-31' }],
    maxExtensionMonths: '六',
  });
  expect(r.issues.map((i) => [i.key, i.text])).toEqual([
    ['sources', '来源第 1 行缺少来源名称。'],
    ['deadlineMonths', '另定时限的来源“市政协提案”写了两次，请只留一行。'],
    ['fixedDeadlines', '第 1 行缺少有统一答复日期的来源。'],
    ['maxExtensionMonths', '“maxExtensionMonths”应是整数，现在是 "六"。'],
  ]);
});

test('列对应: a column read from a header the clerk names, or from none (empty), into the file by label and back', () => {
  const d = draftFrom(defaultSettings());
  const r = fileFromDraft({
    ...d,
    columns: [
      { label: '答复日期', value: ' 办结  时间 ' },
      { label: '备注', value: '' },
      { label: '', value: '' },
    ],
  });
  expect(r.issues).toEqual([]);
  expect(r.file.columns).toEqual({ 答复日期: '办结 时间', 备注: '' });
  expect(draftFrom(r.file).columns).toEqual([
    { label: '答复日期', value: '办结 时间' },
    { label: '备注', value: '' },
  ]);
  expect(fileFromDraft({ ...d, columns: [{ label: '', value: '办结时间' }] }).issues.map((i) => i.text)).toEqual(['第 1 行缺少列。']);
  expect(fileFromDraft({ ...d, columns: [] }).file.columns).toBeUndefined();
});
