/** Routes by host: Excel, Word, or no Office host at all (the standalone page, with both panes as tabs). */
import * as React from 'react';
import { Button, FluentProvider, Theme, webLightTheme } from '@fluentui/react-components';
import { ExcelPane } from './ExcelPane';
import { StandalonePane } from './StandalonePane';
import { WordPane } from './WordPane';
import { ExcelHost } from '../excel/host';
import { WordHost } from '../word/host';
import { PageFiles } from '../browser/types';
import { LedgerProvider, browserStorage, lazyFiles, useLedger } from './ledger';
import { formFrom } from './settings';
import { Announcer } from './components/Announcer';
import { Tabs } from './components/Tabs';
import { SettingsPage } from './components/SettingsPage';
import { Help } from './components/Help';

export type HostKind = 'Excel' | 'Word' | null;

/** Both panes as tabs over one ledger: opening it in either tab opens it for both. 设置 applies to both. 帮助 opens how to use the page, inside it. */
export function Standalone(): React.JSX.Element {
  const [tab, setTab] = React.useState<'check' | 'circular' | 'settings'>('check');
  const [help, setHelp] = React.useState(false);
  const helpButton = React.useRef<HTMLButtonElement>(null);
  // Leaving the page (reload, close) with 设置 changed and not saved: the browser asks first.
  const unsaved = useLedger().settingsUnsaved;
  React.useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  return (
    <>
      {/* The tab bar and 帮助 in a landmark of their own (nothing of the page outside one). */}
      <nav aria-label="功能和帮助" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 4 }}>
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>
          <Tabs
            label="功能"
            panelId="banli-panel"
            tabs={[
              ['check', '检查台账'],
              ['circular', '生成通报'],
              ['settings', '设置'],
            ]}
            value={tab}
            onChange={setTab}
          />
        </div>
        <Button ref={helpButton} appearance="subtle" size="small" aria-expanded={help} onClick={() => setHelp(!help)}>
          帮助
        </Button>
      </nav>
      {help && (
        <Help
          onClose={() => {
            setHelp(false);
            helpButton.current?.focus();
          }}
        />
      )}
      <div role="tabpanel" id="banli-panel" aria-labelledby={`banli-panel-tab-${tab}`}>
        {tab === 'check' ? <StandalonePane /> : tab === 'circular' ? <WordPane /> : <SettingsPage />}
      </div>
    </>
  );
}

/**
 * In Word: 生成通报 and 设置 as tabs over one ledger. The settings are kept in the document (Word's document
 * settings) when the host can keep them, so the circular refreshed later is made with the same figures.
 */
export function WordBody({ word, files = lazyFiles }: { word: WordHost; files?: () => Promise<PageFiles> }): React.JSX.Element {
  const saved = React.useMemo(() => word.store.load(), [word]);
  const [tab, setTab] = React.useState<'circular' | 'settings'>('circular');
  return (
    <LedgerProvider files={files} initialAsOf={saved?.data.asOf} initialForm={saved ? formFrom(saved.options) : undefined} configStore={word.settings}>
      <Tabs
        label="功能"
        panelId="banli-word-panel"
        tabs={[
          ['circular', '生成通报'],
          ['settings', '设置'],
        ]}
        value={tab}
        onChange={setTab}
      />
      <div role="tabpanel" id="banli-word-panel" aria-labelledby={`banli-word-panel-tab-${tab}`}>
        {/* Both stay mounted: a question or a result in 生成通报 is still there after a look at 设置. */}
        <div hidden={tab !== 'circular'}>
          <WordPane word={word} />
        </div>
        <div hidden={tab !== 'settings'}>
          <SettingsPage />
        </div>
      </div>
    </LedgerProvider>
  );
}

export function App({
  host,
  excel,
  word,
  files = lazyFiles,
  theme,
}: {
  host: HostKind;
  excel?: () => ExcelHost;
  word?: () => WordHost;
  files?: () => Promise<PageFiles>;
  theme?: Theme;
}): React.JSX.Element {
  let body: React.JSX.Element;
  if (host === 'Excel' && excel) body = <ExcelPane host={excel()} />;
  else if (host === 'Word' && word) body = <WordBody word={word()} files={files} />;
  else
    body = (
      <LedgerProvider files={files} storage={browserStorage()}>
        <Standalone />
      </LedgerProvider>
    );
  return (
    <FluentProvider theme={theme ?? webLightTheme} lang="zh-CN">
      <Announcer>{body}</Announcer>
    </FluentProvider>
  );
}
