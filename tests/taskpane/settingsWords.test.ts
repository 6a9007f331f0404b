/** The settings' problems in the form's words (src/taskpane/settingsWords.ts): every sentence of the validator. */
import { clerkWords, fieldLabel } from '../../src/taskpane/settingsWords';
import { configIssues } from '../../src/config/validate';

test('every sentence of the validator reads in the form’s words', () => {
  const texts = [
    { deadlineMonths: '五' },
    { deadlineMonths: { 市政协提案: '五' } },
    { fixedDeadlines: { 省政协提案: '9月30日' } },
    { categories: { A: [''] } },
    { categories: {} },
    { headers: { 交办日期: 'x' } },
    { headers: { 不存在的列: ['x'] } },
    { requiredColumns: ['不存在的列'] },
    { officeLevel: 'town' },
    { unknownKey: 1 },
    { praisedUnits: 'x' },
  ].flatMap((doc) => configIssues(doc).map((i) => clerkWords(i.text)));
  expect(texts.length).toBeGreaterThan(10);
  for (const t of texts) expect(t).not.toMatch(/deadlineMonths|fixedDeadlines|categories|headers|requiredColumns|officeLevel|praisedUnits|Banli|\{"|JSON|（整个文件）/);
  expect(clerkWords('x.json 有 1 处问题，没有导入：不是有效的 JSON（Unexpected token \'这\', "这不是设置" is not valid JSON）。注意：键和文字都要用英文双引号，最后一项后面不加逗号。')).toBe(
    'x.json 有 1 处问题，没有导入：不是办理助手的设置文件，内容无法读取。请导入用“下载 banli.config.json”得到的文件；手工改过的，请检查引号和逗号是否齐全。',
  );
  expect(fieldLabel('headers.assignDate')).toBe('列“交办日期”的列名');
  expect(fieldLabel('columns.leadUnit')).toBe('列对应中的“主办单位”');
  expect(clerkWords(configIssues({ requiredColumns: ['x'] })[0].text)).toBe('必备列的值“x”不在可选的范围内。');
  expect(clerkWords(configIssues({ officeLevel: 'town' })[0].text)).toBe('本机关层级的值“town”不在可选的范围内，可选：省级、市级、区县级。');
  expect(clerkWords(configIssues({ deadlineMonths: { 市政协提案: '五', 市人大建议: 3 } })[0].text)).toBe('来源“市政协提案”的月数应是 1 到 24 之间的整数，现在是“五”。');
});
