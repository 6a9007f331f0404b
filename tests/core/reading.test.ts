import {
  BanliError,
  DEFAULT_CONFIG,
  cleanText,
  compactKey,
  isNo,
  saysNo,
  matchHeader,
  readCategory,
  readLedger,
  readSatisfaction,
  classifySource,
  officePlace,
  splitList,
  toHalfWidth,
} from '../../src/core';
import { CLEAN, FULL_HEADERS, ledgerGrid, rows, unitGrid } from '../helpers/ledger';

describe('text normalisation', () => {
  test('full-width digits, letters and spaces become half-width', () => {
    expect(toHalfWidth('２０２１ＡＢｃ　１')).toBe('2021ABc 1');
    expect(cleanText('  市交通局\n（主办） ')).toBe('市交通局 (主办)');
    expect(compactKey('市 交通局 ')).toBe('市交通局');
  });
  test('lists split on 、，,; and spaces', () => {
    expect(splitList('市交通局、市城管局，市水利局;市财政局 市民政局')).toEqual(['市交通局', '市城管局', '市水利局', '市财政局', '市民政局']);
  });
});

describe('values', () => {
  const c = DEFAULT_CONFIG;
  test.each([
    ['A', 'A'], ['A类', 'A'], ['Ａ', 'A'], ['ａ类', 'A'], ['B类（正在解决）', 'B'], ['所提问题已经解决', 'A'],
    ['正在解决或已列入计划逐步解决', 'B'], ['留作参考', 'C'], ['因条件限制需以后解决', 'C'], ['D', 'D'],
  ])('category %p → %p', (text, cat) => expect(readCategory(text, c)).toBe(cat));
  test('category: empty is null, unreadable is undefined', () => {
    expect(readCategory('', c)).toBeNull();
    expect(readCategory('待定', c)).toBeUndefined();
  });
  test.each(['是', '√', '✓', 'Y', 'y', 'yes', '已面商', 1, true])('yes: %p', (v) => expect(isNo(v, c)).toBe(false));
  test.each(['否', 'N', 'no', '×', '未面商', '', null, 0, false, '无'])('no: %p', (v) => expect(isNo(v, c)).toBe(true));
  test('a word that does not say yes is no: 非重点, 一般, 电话沟通, 书面, 拟面商, 待定 (they were counted yes)', () => {
    for (const v of ['非重点', '一般', '普通件', '待定', '电话沟通', '电话', '书面', '拟面商', '不公开']) expect({ v, no: isNo(v, c) }).toEqual({ v, no: true });
    for (const v of ['是', '重点', '重点督办', '已面商', '当面答复', '面商', '已公开', '2021-06-30', '2021年6月30日', new Date(Date.UTC(2021, 5, 30)), 44377, 1]) {
      expect({ v, no: isNo(v, c) }).toEqual({ v, no: false });
    }
    // The master list's 接待日 column: anything written but a no is a yes of its own (a date, 6月21日, 每月第一个周五); 待定 is not.
    for (const v of ['6月21日', '每月第一个周五', '是', 44368]) expect({ v, no: saysNo(v, c) }).toEqual({ v, no: false });
    for (const v of ['待定', '否', '未落实', '', null]) expect({ v, no: saysNo(v, c) }).toEqual({ v, no: true });
  });
  test('sources relative to a city office, including inter-session and full-width spaces', () => {
    const src = (label: string) => classifySource(label, 'city', {}).def;
    expect(src('省人大建议')).toEqual({ body: 'npc', level: 'upper' });
    expect(src('省政协提案')).toEqual({ body: 'cppcc', level: 'upper' });
    expect(src(' 市人大 建议 ')).toEqual({ body: 'npc', level: 'own' });
    expect(src('闭会建议')).toEqual({ body: 'npc', level: 'own', interSession: true });
    expect(src('市人大闭会建议')?.interSession).toBe(true);
    expect(src('市政协提案')).toEqual({ body: 'cppcc', level: 'own' });
    expect(src('议案转建议')).toEqual({ body: 'npc', level: 'own' });
    expect(src('全国人大建议')).toEqual({ body: 'npc', level: 'national' });
    expect(src('区人大建议')).toBeNull();
    expect(classifySource('区人大建议', 'city', {}).problem).toContain('下级');
    expect(src('群众来信')).toBeNull();
  });
  test('sources relative to a county office; configured labels first', () => {
    expect(classifySource('区人大建议', 'county', {}).def).toEqual({ body: 'npc', level: 'own' });
    expect(classifySource('县政协提案', 'county', {}).def).toEqual({ body: 'cppcc', level: 'own' });
    expect(classifySource('市人大建议', 'county', {}).def).toEqual({ body: 'npc', level: 'upper' });
    expect(classifySource('省政协提案', 'county', {}).def).toEqual({ body: 'cppcc', level: 'upper' });
    expect(classifySource('民革提案', 'city', { 民革提案: { body: 'cppcc', level: 'own' } }).def).toEqual({ body: 'cppcc', level: 'own' });
  });
  test('the office level: county when 区/县 outnumber 市, province only without either; configured wins', () => {
    expect(officePlace(['区人大建议', '区人大建议', '市人大建议'])).toBe('county');
    expect(officePlace(['区人大建议', '市人大建议'])).toBe('city');
    expect(officePlace(['人大建议', '政协提案'])).toBe('city');
    expect(officePlace(['省人大建议', '市人大建议'])).toBe('city');
    expect(officePlace(['省人大建议', '全国人大建议'])).toBe('province');
    expect(officePlace(['市人大建议'], 'county')).toBe('county');
    // Labels with their numbers of items count as often.
    expect(officePlace(new Map([['区人大建议', 2], ['市人大建议', 1]]))).toBe('county');
    expect(officePlace(new Map([['区人大建议', 1], ['市人大建议', 1]]))).toBe('city');
    expect(officePlace(new Map([['省人大建议', 5], ['全国人大建议', 1]]))).toBe('province');
    // 人大建议 without a place beside 省人大建议: the office's own, a city's (it was read as a province's).
    expect(officePlace(new Map([['省人大建议', 2], ['省政协提案', 1], ['人大建议', 3], ['闭会建议', 1], ['政协提案', 5]]))).toBe('city');
  });
  test('satisfaction', () => {
    expect(readSatisfaction(' 基本满意 ')).toBe('基本满意');
    expect(readSatisfaction('')).toBeNull();
    expect(readSatisfaction('比较满意')).toBeUndefined();
  });
});

describe('header detection', () => {
  test('synonyms: exact after normalisation, then a close match', () => {
    expect(matchHeader('办复日期', DEFAULT_CONFIG)).toEqual({ field: 'replyDate', exact: true });
    expect(matchHeader('答复日期（年月日）', DEFAULT_CONFIG)).toEqual({ field: 'replyDate', exact: true });
    expect(matchHeader('主 办 单 位', DEFAULT_CONFIG)).toEqual({ field: 'leadUnit', exact: true });
    expect(matchHeader('*提案号', DEFAULT_CONFIG)).toEqual({ field: 'number', exact: true });
    expect(matchHeader('建议提案办理结果类别', DEFAULT_CONFIG)).toEqual({ field: 'category', exact: false });
    expect(matchHeader('代表委员意见', DEFAULT_CONFIG)?.field).toBe('satisfaction');
    expect(matchHeader('关于规范道路两边停车位规划管理多措并举解决停车难的提案', DEFAULT_CONFIG)).toBeNull();
  });

  test('header on row 1', () => {
    const l = readLedger([ledgerGrid(rows({}))]);
    expect(l.headerRow).toBe(1);
    expect(l.items).toHaveLength(1);
    expect(l.items[0].row).toBe(2);
  });

  test('header below a merged title and a note; columns reported as written', () => {
    const title = Array(17).fill('2021年度建议提案办理台账');
    const l = readLedger([ledgerGrid(rows({}, {}), undefined, '台账', [title, ['填报单位：市政府办公厅']])]);
    expect(l.headerRow).toBe(3);
    expect(l.items.map((i) => i.row)).toEqual([4, 5]);
    expect(l.columns.replyDate).toEqual({ col: 11, header: '答复日期', exact: true });
  });

  test('synonym headers in another order', () => {
    const headers = ['来源', '案号', '案由', '提案人', '办理单位', '会办单位', '交办时间', '办复时间', '办理结果', '满意度'];
    const grid = ledgerGrid([{ 来源: '市政协提案', 案号: '7', 办理单位: '市交通局', 交办时间: '2021/3/26', 办复时间: '2021.6.1', 办理结果: 'A类', 满意度: '满意' }], headers);
    const l = readLedger([grid]);
    expect(Object.keys(l.columns).sort()).toEqual(
      ['source', 'number', 'title', 'proposer', 'leadUnit', 'coUnits', 'assignDate', 'replyDate', 'category', 'satisfaction'].sort(),
    );
    expect(l.items[0].replyDate).toEqual({ kind: 'ok', day: '2021-06-01' });
    expect(l.items[0].category).toBe('A');
  });

  test('blank rows, total rows and note rows are skipped', () => {
    const grid = ledgerGrid(rows({}, {}));
    grid.values.splice(2, 0, Array(17).fill(null));
    grid.values.push(['合计', null, '2件']);
    grid.values.push(['注：本表由办公厅填报']);
    grid.values.push(['', '总计：2']);
    const l = readLedger([grid]);
    expect(l.items).toHaveLength(2);
    expect(l.skipped).toEqual({ blank: 1, total: 2, note: 1 });
    expect(l.items[1].row).toBe(4);
  });

  test('subtotals, counts, signatures and contact lines under or inside the table are no items', () => {
    // As offices write them (measured: each of these rows had been counted as an item, 1388 became 1395).
    const grid = ledgerGrid(rows({}, {}));
    grid.values.splice(2, 0, ['市人大建议小计', null, '共计1件']);
    grid.values.push(
      ['其中：人大建议', '468件'],
      ['填表人：张三', null, '联系电话：0371-12345678'],
      ['审核人：李四'],
      ['以下空白'],
      ['联系人：王五', null, '电话：12345678'],
      ['填表单位（盖章）：', null, null, null, null, '市政府办公室'],
      [null, '以上共计1388件'],
      ['单位负责人：', null, null, null, null, null, null, null, null, null, '填报日期：2021年7月19日'],
    );
    const l = readLedger([grid]);
    expect(l.items.map((i) => i.row)).toEqual([2, 4]);
    expect(l.skipped).toEqual({ blank: 0, total: 2, note: 7 });
  });

  test('group headings between the rows are no items, and give their source to the rows under them when there is no source column', () => {
    // Measured: 一、省人大建议 … 五、市政协提案 above each group counted as 5 items more (17 for 12), 来源无法识别 5 件.
    const headers = ['序号', '编号', '标题', '主办单位', '交办日期', '答复日期'];
    const item = (n: number) => [n, n, `关于第${n}件事的建议`, '市交通局', '2021-03-26', '2021-06-01'];
    const values = [
      headers,
      ['一、省人大建议（1件）', null, null, null, null, null],
      item(1),
      // A merged heading repeats its text across the row.
      Array(6).fill('二、市政协提案'),
      item(2),
      item(3),
      ['（三）市人大闭会建议', null, null, null, null, null],
      item(4),
    ];
    const l = readLedger([{ sheet: '台账', top: 1, left: 1, values }]);
    expect(l.items.map((i) => i.row)).toEqual([3, 5, 6, 8]);
    expect(l.skipped.note).toBe(3);
    expect(l.items.map((i) => i.source.raw)).toEqual(['省人大建议', '市政协提案', '市政协提案', '市人大闭会建议']);
    expect(l.items.map((i) => i.source.def?.level)).toEqual(['upper', 'own', 'own', 'own']);
    // With a source column the rows keep their own; the headings are still no items.
    const withSource = ledgerGrid(rows({}, { 类别: '市政协提案' }));
    withSource.values.splice(1, 0, ['一、市人大建议']);
    withSource.values.splice(3, 0, Array(FULL_HEADERS.length).fill('二、市政协提案'));
    const w = readLedger([withSource]);
    expect(w.items).toHaveLength(2);
    expect(w.items.map((i) => i.source.raw)).toEqual(['市人大建议', '市政协提案']);
  });

  test('an item is never taken for a footer: a title may say anything, a unit or source may start the row', () => {
    const titleFirst = ['标题', '编号', '类别', '主办单位', '交办日期', '答复日期'];
    const grid = ledgerGrid(
      [
        { 标题: '关于整合计生服务资源的建议', 编号: 1, 类别: '市人大建议', 主办单位: '市卫健委', 交办日期: '2021-03-26' },
        { 标题: '其中：关于联系电话公开的建议', 编号: 2, 类别: '市人大建议', 主办单位: '市卫健委', 交办日期: '2021-03-26' },
      ],
      titleFirst,
    );
    expect(readLedger([grid]).items).toHaveLength(2);
    const unitFirst = ['主办单位', '编号', '标题', '类别', '交办日期'];
    const g2 = ledgerGrid([{ 主办单位: '市审计局', 编号: 1, 标题: '关于审计的建议', 类别: '市政协提案', 交办日期: '2021-03-26' }], unitFirst);
    expect(readLedger([g2]).items).toHaveLength(1);
  });

  test('the ledger sheet is found among others; the unit sheet is not taken for it', () => {
    const other = { sheet: '说明', top: 1, left: 1, values: [['本工作簿说明'], ['无']] };
    const l = readLedger([other, unitGrid(), ledgerGrid(rows({}), undefined, '2021台账')]);
    expect(l.sheet).toBe('2021台账');
    expect(l.units?.sheet).toBe('承办单位');
  });

  test('no recognisable header: a clear Chinese error naming the headers looked for', () => {
    const g = { sheet: 'Sheet1', top: 1, left: 1, values: [['姓名', '电话'], ['张三', '123']] };
    expect(() => readLedger([g])).toThrow(BanliError);
    try {
      readLedger([g]);
    } catch (e) {
      expect((e as BanliError).code).toBe('no-header');
      expect((e as BanliError).message).toMatch(/没有找到台账表头.*类别.*答复日期/);
    }
  });

  test('an empty workbook', () => {
    expect(() => readLedger([{ sheet: 'Sheet1', top: 1, left: 1, values: [] }])).toThrow(/空的/);
  });

  test('full-width text in cells is normalised', () => {
    const l = readLedger([ledgerGrid(rows({ 类别: '市政协提案　', 编号: '１２３', 主办单位: '市交通局\n', 答复类别: 'Ｂ', 解决程度: '正在解决' }))]);
    expect(l.items[0].number).toBe('123');
    expect(l.items[0].leadUnit?.name).toBe('市交通局');
    expect(l.items[0].category).toBe('B');
  });

  test('inter-session as its own source, or as 市人大建议 with a 闭会 marker column', () => {
    const headers = [...Object.keys(CLEAN), '是否闭会建议'];
    const l = readLedger([
      ledgerGrid(rows({ 类别: '闭会建议' }, { 类别: '市人大建议', 是否闭会建议: '是' }, { 类别: '市人大建议', 是否闭会建议: '否' }, { 类别: '市政协提案', 是否闭会建议: '是' }), headers),
    ]);
    expect(l.items.map((i) => i.source.interSession)).toEqual([true, true, false, false]);
  });

  test('aliases resolve to the canonical unit name', () => {
    const l = readLedger([ledgerGrid(rows({ 主办单位: '郑州市城市管理局', 协办单位: '交通局、市水利局' })), unitGrid()]);
    expect(l.items[0].leadUnit).toMatchObject({ name: '市城管局', known: true, viaAlias: true });
    expect(l.items[0].coUnits.map((u) => u.name)).toEqual(['市交通局', '市水利局']);
    expect(l.directory?.nearest('市交通运输')).toBe('市交通局');
    expect(l.units?.units.map((u) => u.receptionDay)).toEqual([true, true, false, false]);
    expect(l.units?.units[0].receptionDate).toBe('2021-06-21');
  });

  test('hidden rows are read and counted', () => {
    const g = ledgerGrid(rows({}, {}, {}));
    g.hiddenRows = [3];
    const l = readLedger([g]);
    expect(l.items).toHaveLength(3);
    expect(l.hiddenItemRows).toBe(1);
  });

  test('a grid that does not start at A1 keeps worksheet addresses', () => {
    const g = ledgerGrid(rows({}));
    g.top = 5;
    g.left = 3;
    const l = readLedger([g]);
    expect(l.headerRow).toBe(5);
    expect(l.items[0].row).toBe(6);
    expect(l.columns.source?.col).toBe(4);
  });
});
