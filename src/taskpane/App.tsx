/** Routes by host: Excel, Word, or no Office host at all (the standalone page, with both panes as tabs). */
import * as React from 'react';
import { FluentProvider, Tab, TabList, Theme, webLightTheme } from '@fluentui/react-components';
import { ExcelPane } from './ExcelPane';
import { StandalonePane } from './StandalonePane';
import { WordPane } from './WordPane';
import { ExcelHost } from '../excel/host';
import { WordHost } from '../word/host';

export type HostKind = 'Excel' | 'Word' | null;

function Standalone(): React.JSX.Element {
  const [tab, setTab] = React.useState<'check' | 'circular'>('check');
  return (
    <>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'check' | 'circular')} size="small" aria-label="功能">
        <Tab value="check">检查台账</Tab>
        <Tab value="circular">生成通报</Tab>
      </TabList>
      {tab === 'check' ? <StandalonePane /> : <WordPane />}
    </>
  );
}

export function App({ host, excel, word, theme }: { host: HostKind; excel?: () => ExcelHost; word?: () => WordHost; theme?: Theme }): React.JSX.Element {
  let body: React.JSX.Element;
  if (host === 'Excel' && excel) body = <ExcelPane host={excel()} />;
  else if (host === 'Word' && word) body = <WordPane word={word()} />;
  else body = <Standalone />;
  return (
    <FluentProvider theme={theme ?? webLightTheme} lang="zh-CN">
      {body}
    </FluentProvider>
  );
}
