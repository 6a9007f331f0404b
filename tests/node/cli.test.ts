import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/ledger-2021.xlsx');

const run = runCli;

let dir: string;
let clean: string;
let withErrors: string;
beforeAll(async () => {
  dir = await tempDir('banli-cli-');
  await fs.mkdir(path.join(dir, 'folder/sub'), { recursive: true });
  clean = await writeXlsx(path.join(dir, 'folder/clean.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({}, {})).values },
    { name: '承办单位', rows: unitGrid([['市交通局', '', '2021-06-01']]).values },
  ]);
  withErrors = await writeXlsx(path.join(dir, 'folder/sub/errors.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({}, { 答复类别: 'E', 解决程度: '' }, { 是否面商: '否' })).values },
  ]);
  await fs.writeFile(path.join(dir, 'folder/readme.txt'), 'not a workbook, and not picked from a folder');
  await fs.writeFile(path.join(dir, 'renamed.xlsx'), '这是一个文本文件');
});

test('check --json on the sample: one JSON document in the documented format', async () => {
  const r = await run('check', '--json', '--as-of', '2021-07-19', SAMPLE);
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.out);
  expect(doc.asOf).toBe('2021-07-19');
  expect(doc.files).toHaveLength(1);
  const f = doc.files[0];
  expect(f).toMatchObject({ ok: true, sheet: '台账', headerRow: 2, items: 1388 });
  expect(f.columns).toMatchObject({ source: '类别', number: '编号', replyDate: '答复日期', proposer: '领衔代表（提案人）' });
  expect(f.totals).toMatchObject({
    total: 1388, provincial: 81, municipalNpc: 468, municipalNpcInterSession: 14, municipalCppcc: 839, keyNpc: 20, keyCppcc: 8,
  });
  expect(f.units.find((u: { name: string }) => u.name === '市交通局')).toMatchObject({ receptionDay: true, findings: 0 });
  const late = f.findings.find((x: { rule: string }) => x.rule === 'reply.late');
  expect(Object.keys(late).sort()).toEqual(['cell', 'column', 'message', 'row', 'rule', 'severity', 'suggestion', 'unit', 'value'].sort());
  expect(late.column).toBe('答复日期');
  expect(late.cell).toBe(`台账!K${late.row}`);
  expect(late.value).toMatch(/^2021-0[67]-\d\d$/);
  expect(f.counts.byRule['reply.late']).toBe(10);
});

test('text output: totals in the circular’s terms and findings grouped by rule, in Chinese', async () => {
  const r = await run('check', '--as-of', '2021-07-19', SAMPLE);
  expect(r.code).toBe(1);
  expect(r.out).toContain('共 1388 件：省人大建议、省政协提案 81 件');
  expect(r.out).toContain('市人大建议 468 件（含闭会建议 14 件），市政协提案 839 件');
  expect(r.out).toContain('人大建议 20 件，政协提案 8 件');
  expect(r.out).toMatch(/■ 超期答复（警告）10 条/);
  // The clerk reads rule titles, never ids (the JSON has the ids).
  expect(r.out).not.toMatch(/reply\.late|reply\.overdue/);
  expect(r.out).toMatch(/台账!K\d+ ［[^］]+］答复日期 2021-/);
});

test('exit codes: 0 clean, 1 errors, 2 unreadable (the others still checked)', async () => {
  expect((await run('check', '--as-of', '2021-07-19', clean)).code).toBe(0);
  expect((await run('check', '--as-of', '2021-07-19', withErrors)).code).toBe(1);
  const mixed = await run('check', '--json', '--as-of', '2021-07-19', path.join(dir, 'folder'), path.join(dir, 'renamed.xlsx'), path.join(dir, 'nope.xlsx'));
  expect(mixed.code).toBe(2);
  const doc = JSON.parse(mixed.out);
  expect(doc.files.map((f: { path: string; ok: boolean }) => [path.relative(dir, f.path), f.ok])).toEqual([
    ['folder/clean.xlsx', true],
    ['folder/sub/errors.xlsx', true],
    ['renamed.xlsx', false],
    ['nope.xlsx', false],
  ]);
  expect(doc.files[2].error.code).toBe('unreadable');
  expect(doc.files[3].error.code).toBe('not-found');
});

test('several files: a status per file and grand totals', async () => {
  const r = await run('check', '--as-of', '2021-07-19', clean, withErrors);
  expect(r.out).toContain('══ ' + clean);
  expect(r.out).toMatch(/合计：2 个文件，已检查 2 个；共 5 件，错误 1 条，警告 1 条。/);
});

test('--max-findings caps the list, the counts stay complete', async () => {
  const r = await run('check', '--json', '--max-findings', '3', '--as-of', '2021-07-19', SAMPLE);
  const f = JSON.parse(r.out).files[0];
  expect(f.findings).toHaveLength(3);
  expect(f.counts.errors + f.counts.warnings).toBe(91);
});

test('--units and --form-version', async () => {
  const units = await writeXlsx(path.join(dir, 'units.xlsx'), [{ name: '名单', rows: unitGrid().values }]);
  const r = await run('check', '--json', '--units', units, '--form-version', '2021年版', '--as-of', '2021-07-19', withErrors);
  const f = JSON.parse(r.out).files[0];
  expect(f.unitList).toEqual({ sheet: '名单', units: 4, withReceptionDay: 2 });
  expect(f.counts.byRule['unit.no-reception-day']).toBe(2);
});

test('hidden rows are checked, and the text says how many were hidden', async () => {
  const hidden = await writeXlsx(path.join(dir, 'hidden.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({}, {}, {})).values, setup: (ws) => (ws.getRow(3).hidden = true) },
  ]);
  const r = await run('check', '--as-of', '2021-07-19', hidden);
  expect(r.out).toContain('共 3 件；其中 1 行在 Excel 中被隐藏，也已检查。');
  const j = await run('check', '--json', '--as-of', '2021-07-19', hidden);
  expect(JSON.parse(j.out).files[0].hiddenItemRows).toBe(1);
});

test('without a unit list the output says the unit checks did not run', async () => {
  const r = await run('check', '--as-of', '2021-07-19', withErrors);
  expect(r.out).toContain('承办单位名单：没有');
  expect(r.out).toMatch(/承办单位不在名单中：没有承办单位名单/);
});

test.each([
  [['check'], /请给出要检查的台账/],
  [['check', '--as-of', '2021-02-30', SAMPLE], /--as-of 的日期“2021-02-30”无效/],
  [['check', '--bogus', SAMPLE], /不认识的选项：--bogus/],
  [['check', '--max-findings', '-1', SAMPLE], /--max-findings/],
  [['frobnicate'], /不认识的命令/],
])('bad usage %p: Chinese message, exit 2, no stack trace', async (argv, message) => {
  const r = await run(...(argv as string[]));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at /);
});

test('the installed command (bin/banli.js) runs the demo and check, with exit codes', () => {
  const demo = spawnSync(process.execPath, [path.join(ROOT, 'bin/banli.js'), 'demo'], { cwd: ROOT, encoding: 'utf8' });
  expect(demo.status).toBe(0);
  expect(demo.stdout).toContain('共 1388 件');
  expect(demo.stdout).toContain('81 件');
  expect(demo.stdout).toContain('市人大建议 468 件（含闭会建议 14 件）');
  expect(demo.stdout).toContain('市政协提案 839 件');
  expect(demo.stdout).toContain('人大建议 20 件，政协提案 8 件');
  const bad = spawnSync(process.execPath, [path.join(ROOT, 'bin/banli.js'), 'check', path.join(dir, 'renamed.xlsx')], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stdout).toContain('不是 Excel 工作簿');
  expect(bad.stderr).toBe('');
});

describe('banli report', () => {
  test('writes the .docx and the flat OPC of chosen sections', async () => {
    const out = path.join(dir, '通报.docx');
    const xml = path.join(dir, 'sections.xml');
    const r = await run('report', '--as-of', '2021-07-19', SAMPLE, '-o', out, '--flat-opc', xml, '--sections', 'opening,part2', '--doc-number', '郑政文〔2021〕85号');
    // Written, but the 21 errors that make figures uncertain are listed and the exit code is 1 (--accept-errors: 0);
    // the 6 overdue items are facts the circular reports, not mistakes: not among them.
    expect(r.code).toBe(1);
    expect(r.out).toContain('已写出通报');
    expect(r.err).toContain('还有 21 条错误');
    expect(r.err).toContain('答复类别不在规定范围内：1 条，影响答复类别分项');
    expect(r.err).toMatch(/台账!\w+\d+ /);
    expect(r.err).not.toMatch(/办理期限 .* 已过/);
    expect((await run('report', '--as-of', '2021-07-19', SAMPLE, '-o', path.join(dir, '通报-核实后.docx'), '--accept-errors')).code).toBe(0);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toContain('郑政文〔2021〕85号');
    expect(doc).toContain('<w:tag w:val="banli:colophon"/>');
    expect(Object.keys(zip.files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/fontTable.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/footer3.xml', 'word/settings.xml', 'word/styles.xml'].sort(),
    );
    const flat = await fs.readFile(xml, 'utf8');
    expect([...flat.matchAll(/<w:tag w:val="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(['banli:opening', 'banli:part2']);
  });

  test('a prose file replaces the default wording', async () => {
    const prose = path.join(dir, 'prose.json');
    await fs.writeFile(prose, JSON.stringify({ 'part3.2': '请于{receptionDeadline}前书面报告整改情况。' }));
    const out = path.join(dir, 'prose.docx');
    expect((await run('report', '--as-of', '2021-07-19', '--prose', prose, '--reception-deadline', '10月15日', clean, '-o', out)).code).toBe(0);
    const JSZip = (await import('jszip')).default;
    const doc = await (await JSZip.loadAsync(await fs.readFile(out))).file('word/document.xml')!.async('string');
    expect(doc).toContain('请于</w:t></w:r><w:r>');
    expect(doc.replace(/<[^>]+>/g, '')).toContain('请于10月15日前书面报告整改情况。');
  });

  describe('--date without --as-of: the figures are as of the 成文日期', () => {
    const text = async (docx: string) => {
      const JSZip = (await import('jszip')).default;
      return (await (await JSZip.loadAsync(await fs.readFile(docx))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    };

    test('judged and titled as of --date, the same circular as with --as-of the same day', async () => {
      const byDate = path.join(dir, '按成文日期.docx');
      const r = await run('report', SAMPLE, '-o', byDate, '--date', '2021-07-19', '--accept-errors');
      expect(r.code).toBe(0);
      expect(r.out).toContain('数据截至 2021-07-19');
      expect(r.err).not.toContain('晚于成文日期');
      // As of 2021-07-19: 21 errors to check (27 with the 6 overdue items; as of today there would be many more overdue).
      expect(r.err).toContain('还有 21 条错误');
      const both = path.join(dir, '两个日期.docx');
      expect((await run('report', SAMPLE, '-o', both, '--date', '2021-07-19', '--as-of', '2021-07-19', '--accept-errors')).code).toBe(0);
      const t = await text(byDate);
      expect(t).toBe(await text(both));
      expect(t).toContain('关于2021年度人大建议政协提案');
      expect(t).toContain('2021年7月19日');
      expect(t).not.toMatch(new RegExp(`${new Date().getFullYear()}年度`));
    });

    test('a 成文日期 written 2021年7月19日 works the same', async () => {
      const r = await run('report', SAMPLE, '-o', path.join(dir, '中文日期.docx'), '--date', '2021年7月19日', '--accept-errors');
      expect(r.code).toBe(0);
      expect(r.out).toContain('数据截至 2021-07-19');
    });

    test('--as-of after --date: written, with a warning on stderr (not an error)', async () => {
      const out = path.join(dir, '日期倒置.docx');
      const r = await run('report', SAMPLE, '-o', out, '--date', '2021-07-19', '--as-of', '2021-08-01', '--accept-errors');
      expect(r.code).toBe(0);
      expect(r.err.split('\n')[0]).toBe('注意：数据截至 2021-08-01（--as-of），晚于成文日期 2021-07-19（--date）：通报里的数字会比落款日期还新。请核对这两个日期；只给 --date 时，数据就截至成文日期。');
      await expect(fs.stat(out)).resolves.toBeTruthy();
      // Not the other way round: figures as of a day before the 成文日期 are usual.
      expect((await run('report', SAMPLE, '-o', out, '--date', '2021-07-20', '--as-of', '2021-07-19', '--accept-errors')).err).not.toContain('晚于成文日期');
    });

    test('an invalid --date without --as-of: exit 2 before any work, naming the option', async () => {
      const r = await run('report', SAMPLE, '-o', path.join(dir, 'never2.docx'), '--date', '2021-02-30');
      expect(r.code).toBe(2);
      expect(r.err).toBe('banli：--date 的成文日期“2021-02-30”无效，请写成 2021-07-19 的形式。\n');
    });
  });

  test('a prose file that is not JSON: where it goes wrong, in Chinese, without JSON.parse’s English', async () => {
    const prose = path.join(dir, 'bad-prose.json');
    await fs.writeFile(prose, '{\n  "part3.2": "请于9月底前报告。",\n}\n');
    const r = await run('report', '--as-of', '2021-07-19', '--prose', prose, clean, '-o', path.join(dir, 'bad-prose.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`banli：--prose 文件 ${prose} 不是有效的 JSON（第 3 行第 1 个字符附近写得不对）。注意：键和文字都要用英文双引号，最后一项后面不加逗号。\n`);
    const cut = path.join(dir, 'cut-prose.json');
    await fs.writeFile(cut, '{"part3.2": "请于');
    expect((await run('report', '--prose', cut, clean, '-o', path.join(dir, 'cut-prose.docx'))).err).toContain('不是有效的 JSON（文件在中途就结束了');
  });

  test.each([
    [['report', SAMPLE], /请用 -o/],
    [['report', SAMPLE, '-o', '/tmp/x.docx', '--doc-number', '郑政文[2021]84号'], /六角括号/],
    [['report', SAMPLE, '-o', '/tmp/x.docx', '--doc-number', '郑政文〔2021〕084号'], /虚位/],
    [['report', SAMPLE, '-o', '/tmp/x.docx', '--date', '2021-13-01'], /成文日期/],
    [['report', SAMPLE, '-o', '/tmp/x.docx', '--sections', 'opening,foo', '--flat-opc', '/tmp/x.xml'], /不认识的部分“foo”/],
  ])('bad input %p: exit 2 with a Chinese message', async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test('--help after a command prints the usage (it said 不认识的选项)', async () => {
    for (const argv of [['report', '--help'], ['check', '-h'], ['report', SAMPLE, '--help']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('report 的选项');
      expect(r.err).toBe('');
    }
  });

  test('--prose is checked as a template: an unknown paragraph, an unknown placeholder or an unclosed [[ is exit 2, nothing written', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ part9: '2021年共{{总件数}}件。' }, /不认识的段落名“part9”/],
      [{ opening: '2021年共{{总数}}件。' }, /“opening”：不认识的占位符“\{\{总数\}\}”/],
      [{ 'part1.1': '[[今年的重点人大建议{{重点人大建议}}件。' }, /“part1\.1”：\[\[ 与 \]\] 不成对/],
    ];
    for (const [prose, message] of cases) {
      const file = path.join(dir, 'checked-prose.json');
      await fs.writeFile(file, JSON.stringify(prose));
      const out = path.join(dir, 'checked-prose.docx');
      const r = await run('report', '--as-of', '2021-07-19', '--prose', file, clean, '-o', out, '--accept-errors');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });

  test('another issuing body: its own office prints it, to the handling units, no 抄送, no number of the reference’s; said on stderr', async () => {
    const out = path.join(dir, '金水区.docx');
    const r = await run('report', '--as-of', '2021-07-19', clean, '-o', out, '--issuing-body', '郑州市金水区人民政府');
    expect(r.code).toBe(0);
    const JSZip = (await import('jszip')).default;
    const text = (await (await JSZip.loadAsync(await fs.readFile(out))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('郑州市金水区人民政府文件');
    expect(text).toContain('〔2021〕　号');
    expect(text).toContain('各承办单位：');
    expect(text).toContain('郑州市金水区人民政府办公室2021年7月20日印发');
    expect(text).not.toMatch(/郑政文|抄送|郑州市人民政府办公厅|各开发区管委会|84号/);
    expect(r.err).toContain('注意：发文字号的机关代字和序号留空了（“〔2021〕　号”）：请用 --doc-number 写上，或在 Word 中填写。');
    expect(r.err).not.toContain('参考通报');
    // The reference's own body: its number and its 版头 and 版记, each said to be the reference's.
    const ref = await run('report', '--as-of', '2021-07-19', clean, '-o', path.join(dir, '参考.docx'));
    expect(ref.err).toContain('注意：发文字号用的是参考通报的“郑政文〔2021〕84号”：请用 --doc-number 写上这份通报的字号。');
    expect(ref.err).toContain('注意：主送（--addressees）、抄送（--copy-to）、印发机关（--printing-office）用的是参考通报（郑州市人民政府）的写法，请核对。');
  });

  test('without --year or dates: the year is the ledger’s (most items assigned in it), the 发文字号 the year of signing', async () => {
    const out = path.join(dir, '无日期.docx');
    const r = await run('report', clean, '-o', out, '--accept-errors');
    const JSZip = (await import('jszip')).default;
    const text = (await (await JSZip.loadAsync(await fs.readFile(out))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const now = new Date().getFullYear();
    expect(text).toContain('关于2021年度人大建议政协提案');
    expect(text).toContain('2021年，市政府共承办');
    expect(text).toContain(`郑政文〔${now}〕84号`);
    expect(r.err).toContain('注意：年度按台账的交办日期取为 2021 年（--year 可改）。');
  });

  test('an unreadable ledger: exit 2, nothing written', async () => {
    const out = path.join(dir, 'never.docx');
    const r = await run('report', path.join(dir, 'renamed.xlsx'), '-o', out);
    expect(r.code).toBe(2);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

test('the demo writes the sample circular next to its summary', () => {
  const cwd = dir;
  const demo = spawnSync(process.execPath, [path.join(ROOT, 'bin/banli.js'), 'demo'], { cwd, encoding: 'utf8' });
  expect(demo.status).toBe(0);
  expect(demo.stdout).toContain('示例通报（GB/T 9704 版式）已写出：banli-demo/通报-2021.docx');
  return expect(fs.stat(path.join(cwd, 'banli-demo/通报-2021.docx'))).resolves.toBeTruthy();
});

test('report: 主送 gets its colon and each 抄送 line its full stop; a 印发日期 before the 成文日期 and a 发文字号 of another year are said', async () => {
  const out = path.join(dir, '格式.docx');
  const r = await run('report', '--as-of', '2021-07-19', clean, '-o', out, '--addressees', '各承办单位', '--copy-to', '市委各部门，郑州警备区|市人大常委会办公厅，', '--date', '2021-07-19', '--issue-date', '2021-07-10', '--doc-number', '郑政文〔2020〕84号');
  expect(r.code).toBe(0);
  const JSZip = (await import('jszip')).default;
  const text = (await (await JSZip.loadAsync(await fs.readFile(out))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(text).toContain('各承办单位：');
  expect(text).toContain('抄送：市委各部门，郑州警备区。市人大常委会办公厅。');
  expect(r.err).toContain('注意：印发日期 2021-07-10 早于成文日期 2021-07-19，请核对（--issue-date、--date）。');
  expect(r.err).toContain('注意：发文字号中的年份是 2020，成文日期在 2021 年，请核对（字号中写发文的年份）。');
});
