/**
 * How to use the standalone page (dist/banli.html), in the clerk's words: shown on the page by 帮助 (the page is one
 * file copied anywhere, so its help is inside it) and written out in dist/help.html beside the Office buttons' help
 * (a test holds the two to the same headings).
 */
export interface HelpSection {
  heading: string;
  lines: string[];
}

export const PAGE_HELP: HelpSection[] = [
  {
    heading: '打开台账',
    lines: [
      '双击 banli.html，用 Edge、Chrome、Firefox 或 WPS 的浏览器打开，不需要联网，也不需要安装。',
      '点“打开台账文件”选择台账（.xlsx），或把文件拖到虚线框里；点“打开示例台账”可以先看示例。',
      '几个单位分别报送的工作簿，可以一次选中几个文件，或点“打开文件夹”，合并为一个台账检查。',
    ],
  },
  {
    heading: '检查台账',
    lines: [
      '“截至日期”是判断是否超期的那一天：可以写 2021-08-01、2021/8/1、2021年8月1日 或 20210801，也可以点“日历”选择。',
      '“办理总数”按通报的口径统计；下面的问题清单可以按严重程度、问题类型、承办单位筛选，也可以搜索。点一条问题，可以看到这一行的各列和改法。',
      '自动识别的列不对时，在“列对应”中改正；点“记住列对应”，下次打开台账时沿用。',
      '“下载标注副本”把有问题的单元格标上颜色并加批注，原来的台账文件不会改动。',
    ],
  },
  {
    heading: '生成通报',
    lines: [
      '填写或核对年度、发文字号、标题、成文日期和印发日期等，点“下载通报（.docx）”。',
      '没有改过的标题和发文字号跟随年度；改过的，年份与年度不同时会提示。',
    ],
  },
  {
    heading: '设置',
    lines: [
      '办理时限、最长延期、答复类别、表头、必备列、催办提前天数和表扬单位，可以按本单位的规定修改，点“保存”后生效。',
      '设置保存在本浏览器中，下次打开本页面仍然有效；点“下载 banli.config.json”保存成一个文件，可以带到别的电脑上导入使用。',
    ],
  },
  {
    heading: '数据安全',
    lines: ['台账只在本机处理，不会上传到任何地方；本页面不联网。'],
  },
];
