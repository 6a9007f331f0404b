/** Routes by host: Excel, Word, or no Office host at all (the standalone page, with both panes as tabs). */
import * as React from 'react';
import { FluentProvider, Tab, TabList, webLightTheme } from '@fluentui/react-components';
import { ExcelPane } from './ExcelPane';
import { StandalonePane } from './StandalonePane';
import { WordPane } from './WordPane';
import { ExcelHost } from '../excel/host';
import { WordHost } from '../word/host';
import { PageFiles } from '../browser/types';
import { LedgerProvider, lazyFiles } from './ledger';
import { formFrom } from './settings';
import { Announcer } from './components/Announcer';

export type HostKind = 'Excel' | 'Word' | null;

/** Both panes as tabs over one ledger: opening it in either tab opens it for both. */
export function Standalone(): React.JSX.Element {
  const [tab, setTab] = React.useState<'check' | 'circular'>('check');
  return (
    <>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'check' | 'circular')} aria-label="功能">
        <Tab value="check">检查台账</Tab>
        <Tab value="circular">生成通报</Tab>
      </TabList>
      <div role="tabpanel" aria-label={tab === 'check' ? '检查台账' : '生成通报'}>
        {tab === 'check' ? <StandalonePane /> : <WordPane />}
      </div>
    </>
  );
}

function WordBody({ word }: { word: WordHost }): React.JSX.Element {
  const saved = React.useMemo(() => word.store.load(), [word]);
  return (
    <LedgerProvider initialAsOf={saved?.data.asOf} initialForm={saved ? formFrom(saved.options) : undefined}>
      <WordPane word={word} />
    </LedgerProvider>
  );
}

export function App({
  host,
  excel,
  word,
  files = lazyFiles,
}: {
  host: HostKind;
  excel?: () => ExcelHost;
  word?: () => WordHost;
  files?: () => Promise<PageFiles>;
}): React.JSX.Element {
  let body: React.JSX.Element;
  if (host === 'Excel' && excel) body = <ExcelPane host={excel()} />;
  else if (host === 'Word' && word) body = <WordBody word={word()} />;
  else
    body = (
      <LedgerProvider files={files}>
        <Standalone />
      </LedgerProvider>
    );
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <Announcer>{body}</Announcer>
    </FluentProvider>
  );
}
