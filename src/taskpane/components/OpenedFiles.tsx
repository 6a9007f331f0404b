import * as React from 'react';
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CombinedNote, OpenedLedger } from '../../browser/types';
import { useLayout } from './Layout';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** Files in one phrase: a.xlsx、b.xlsx; past five, the first five 等. */
export const listed = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join('、')} 等` : names.join('、'));

/** Where the same items were found: 在 a 和 b 两个文件中, 在 a、b、c 3 个文件中. */
export const inFiles = (files: string[]) => (files.length === 2 ? `在 ${files[0]} 和 ${files[1]} 两个文件中` : `在 ${listed(files)} ${files.length} 个文件中`);

/** The heading messages refer to (“见‘读取的文件’”): ledger.tsx's FILES_HEADING. */
export const FILES_HEADING = '读取的文件';

/**
 * The files behind the ledger when several were chosen, under the heading 读取的文件: those read as one ledger, those
 * that hold no ledger (left out), the same items found in two files, those that could not be read (left out, with
 * the reason) and those skipped (the same file twice, Banli's own annotated copies). Nothing for one file.
 */
export function OpenedFiles({ opened, combined }: { opened: OpenedLedger; combined?: CombinedNote }): React.JSX.Element | null {
  const s = useLayout();
  const st = useStyles();
  const id = React.useId();
  if (opened.files.length <= 1 && opened.unreadable.length === 0 && opened.skipped.length === 0) return null;
  const none = combined?.noLedger ?? [];
  const copies = combined?.copies ?? [];
  const left = new Set([...none.map((x) => x.name), ...copies.map((x) => x.name)]);
  const read = opened.files.filter((f) => !left.has(f));
  return (
    <section aria-labelledby={id} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <h2 id={id} className={st.heading}>
        {FILES_HEADING}
      </h2>
      <Text block>
        {read.length > 1 ? `合并读取 ${read.length} 个工作簿，作为一个台账检查：` : '读取的工作簿：'}
        {read.join('、')}。
      </Text>
      {none.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {none.length} 个工作簿中没有台账，未计入合计：
            <ul aria-label="没有台账的工作簿" style={{ margin: '2px 0', paddingLeft: 18 }}>
              {none.map((x) => (
                <li key={x.name}>
                  {x.name}：{x.reason}。
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {copies.map((x) => (
        <MessageBar key={x.name} intent="warning" layout="multiline">
          <MessageBarBody>
            {x.name} 中的 {x.items} 件在 {x.of} 中都有（同一来源、编号和主办单位），可能是同一个台账选了两份（如另存的副本）：只按 {x.of} 检查和统计，{x.name} 未计入。如果 {x.name} 才是要用的，请只选它重新打开。
          </MessageBarBody>
        </MessageBar>
      ))}
      {(combined?.shared ?? []).map((x) => (
        <MessageBar key={x.files.join('|')} intent="warning" layout="multiline">
          <MessageBarBody>
            {inFiles(x.files)}有 {x.items} 件相同的建议提案（同一来源、编号和主办单位），合计中每件只计一次。
            {x.copy ? `可能是同一个台账选了${x.files.length === 2 ? '两' : '几'}份（如另存的副本）：如果是，请只选其中一个文件重新打开。` : '请核对是否重复报送（问题清单中的“编号重复”）。'}
          </MessageBarBody>
        </MessageBar>
      ))}
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
