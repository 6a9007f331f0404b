import * as React from 'react';
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { OpenedLedger } from '../../browser/types';
import { useLayout } from './Layout';

/**
 * The files behind the ledger when several were chosen: those read as one ledger, those that could not be read (left
 * out, with the reason) and those skipped (the same file twice, Banli's own annotated copies). Nothing for one file.
 */
export function OpenedFiles({ opened }: { opened: OpenedLedger }): React.JSX.Element | null {
  const s = useLayout();
  if (opened.files.length <= 1 && opened.unreadable.length === 0 && opened.skipped.length === 0) return null;
  return (
    <section aria-label="读取的文件" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Text block>
        {opened.files.length > 1 ? `合并读取 ${opened.files.length} 个工作簿，作为一个台账检查：` : '读取的工作簿：'}
        {opened.files.join('、')}。
      </Text>
      {opened.unreadable.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {opened.unreadable.length} 个文件无法读取，未计入合计：
            <ul aria-label="无法读取的文件" style={{ margin: '2px 0', paddingLeft: 18 }}>
              {opened.unreadable.map((u) => (
                <li key={u.name}>{u.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {opened.skipped.length > 0 && (
        <ul aria-label="跳过的文件" className={s.muted} style={{ margin: 0, paddingLeft: 18 }}>
          {opened.skipped.map((x, i) => (
            <li key={i}>{x.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
