/** Routes by host: Excel, Word, or no Office host at all (the standalone page). */
import * as React from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ExcelPane } from './ExcelPane';
import { StandalonePane } from './StandalonePane';
import { ExcelHost } from '../excel/host';

export type HostKind = 'Excel' | 'Word' | null;

export function App({ host, excel }: { host: HostKind; excel?: () => ExcelHost }): React.JSX.Element {
  let body: React.JSX.Element;
  if (host === 'Excel' && excel) body = <ExcelPane host={excel()} />;
  else if (host === 'Word')
    body = <StandalonePane intro="在 Word 中：打开台账文件检查，然后下载按 GB/T 9704 排版的通报（.docx）。" />;
  else body = <StandalonePane />;
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      {body}
    </FluentProvider>
  );
}
