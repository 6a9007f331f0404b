/** The sample's unit master list: 40 units; the first 24, in this order, have the reception day in place. */
export interface SampleUnit {
  name: string;
  aliases: string[];
  /** Reception day date (YYYY-MM-DD) or null. */
  reception: string | null;
}

export const SAMPLE_UNITS: SampleUnit[] = [
  { name: '市城管局', aliases: ['郑州市城市管理局', '城管局'], reception: '2021-05-18' },
  { name: '市城建局', aliases: ['郑州市城乡建设局'], reception: '2021-05-20' },
  { name: '登封市人民政府', aliases: ['登封市政府'], reception: '2021-06-02' },
  { name: '二七区人民政府', aliases: ['二七区政府'], reception: '2021-05-27' },
  { name: '市供电公司', aliases: ['国网郑州供电公司'], reception: '2021-06-09' },
  { name: '市国资委', aliases: ['郑州市人民政府国有资产监督管理委员会'], reception: '2021-06-11' },
  { name: '惠济区人民政府', aliases: ['惠济区政府'], reception: '2021-06-15' },
  { name: '市教育局', aliases: ['郑州市教育局'], reception: '2021-05-25' },
  { name: '市交通局', aliases: ['郑州市交通运输局', '市交通运输局'], reception: '2021-06-21' },
  { name: '市事管局', aliases: ['郑州市机关事务管理局'], reception: '2021-06-17' },
  { name: '市金融局', aliases: ['郑州市地方金融监督管理局'], reception: '2021-06-23' },
  { name: '市民委', aliases: ['郑州市民族事务委员会'], reception: '2021-06-04' },
  { name: '市生态环境局', aliases: ['郑州市生态环境局'], reception: '2021-06-08' },
  { name: '市商务局', aliases: ['郑州市商务局'], reception: '2021-06-10' },
  { name: '市体育局', aliases: ['郑州市体育局'], reception: '2021-06-16' },
  { name: '中原区人民政府', aliases: ['中原区政府'], reception: '2021-06-18' },
  { name: '市资源规划局', aliases: ['郑州市自然资源和规划局'], reception: '2021-05-21' },
  { name: '市应急局', aliases: ['郑州市应急管理局'], reception: '2021-06-22' },
  { name: '市卫健委', aliases: ['郑州市卫生健康委员会'], reception: '2021-05-19' },
  { name: '市文化广电和旅游局', aliases: ['郑州市文化广电和旅游局', '市文广旅局'], reception: '2021-06-24' },
  { name: '市文物局', aliases: ['郑州市文物局'], reception: '2021-06-25' },
  { name: '荥阳市人民政府', aliases: ['荥阳市政府'], reception: '2021-06-29' },
  { name: '新密市人民政府', aliases: ['新密市政府'], reception: '2021-06-30' },
  { name: '市发展改革委', aliases: ['郑州市发展和改革委员会', '市发改委'], reception: '2021-07-02' },
  { name: '市农委', aliases: ['郑州市农业农村工作委员会'], reception: null },
  { name: '市工信局', aliases: ['郑州市工业和信息化局'], reception: null },
  { name: '郑东新区管委会', aliases: ['郑东新区管理委员会'], reception: null },
  { name: '市公安局', aliases: ['郑州市公安局'], reception: null },
  { name: '市财政局', aliases: ['郑州市财政局'], reception: null },
  { name: '市人社局', aliases: ['郑州市人力资源和社会保障局'], reception: null },
  { name: '市民政局', aliases: ['郑州市民政局'], reception: null },
  { name: '市水利局', aliases: ['郑州市水利局'], reception: null },
  { name: '市市场监管局', aliases: ['郑州市市场监督管理局'], reception: null },
  { name: '市大数据局', aliases: ['郑州市大数据管理局'], reception: null },
  { name: '市园林局', aliases: ['郑州市园林局'], reception: null },
  { name: '市住房保障局', aliases: ['郑州市住房保障和房地产管理局'], reception: null },
  { name: '金水区人民政府', aliases: ['金水区政府'], reception: null },
  { name: '管城回族区人民政府', aliases: ['管城区政府'], reception: null },
  { name: '新郑市人民政府', aliases: ['新郑市政府'], reception: null },
  { name: '中牟县人民政府', aliases: ['中牟县政府'], reception: null },
];

/** The nine units the reference circular praises, in its order; the sample gives them clean records. */
export const PRAISED_UNITS = [
  '市农委',
  '市卫健委',
  '市工信局',
  '市交通局',
  '郑东新区管委会',
  '市教育局',
  '市城管局',
  '市城建局',
  '市资源规划局',
];
