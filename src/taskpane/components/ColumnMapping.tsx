/**
 * 列对应: which header of the ledger each field was read from, and the clerk's correction of a wrong guess. A
 * change re-runs the check with the chosen column; "（无）" means the ledger has no such column. Where the settings
 * are kept (the workbook, the browser), 记住列对应 keeps the correction with them, so the next check starts from it.
 */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field as FormField, Select, Text, makeStyles } from '@fluentui/react-components';
import type { ColumnChoice, Field } from '../../core';

const NONE = '';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: '6px 10px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', marginTop: '8px' },
});

export interface ColumnMappingProps {
  columns: Array<{ field: Field; label: string; header: string | null }>;
  headers: string[];
  choice: ColumnChoice;
  disabled?: boolean;
  onChoose(field: Field, header: string | null): void;
  /** Keeping the choice with the settings; absent where they cannot be kept (the choice holds for this time). */
  remember?: RememberColumns;
}

/**
 * 记住列对应: saved, the choice shown is the kept one; stored, some choice is kept; where, in the clerk's words
 * (工作簿中, 本文档中, 本浏览器中); onRemember keeps the choice shown (an empty one: keeps none).
 */
export interface RememberColumns {
  saved: boolean;
  stored: boolean;
  where: string;
  onRemember(): void;
}

/** What a pane says first after 记住列对应 (then where the settings went). */
export function rememberedText(choice: ColumnChoice): string {
  return Object.keys(choice).length ? '已记住列对应。' : '已不再记住列对应，以后按自动识别读取各列。';
}

export function ColumnMapping({ columns, headers, choice, disabled, onChoose, remember }: ColumnMappingProps): React.JSX.Element {
  const s = useStyles();
  const found = columns.filter((c) => c.header !== null).length;
  const chosen = Object.keys(choice).length;
  // Something to keep or to take out: a choice not yet kept, or a kept one the clerk has undone.
  const offer = remember && !remember.saved && (chosen > 0 || remember.stored) ? remember : null;
  return (
    <Accordion collapsible>
      <AccordionItem value="columns">
        <AccordionHeader as="h2">
          列对应（已识别 {found} 列{chosen ? `，其中 ${chosen} 列由您指定` : ''}
          {chosen && remember?.saved ? '，已记住' : ''}）
        </AccordionHeader>
        <AccordionPanel>
          <Text as="p" block>
            每一项下面是台账中被当作这一项读取的列。识别错了，请选择正确的列，或选“（无）”表示台账没有这一列；改动后立即重新检查。
          </Text>
          <div className={s.list} role="group" aria-label="列对应">
            {columns.map((c) => {
              const value = choice[c.field] ?? c.header ?? NONE;
              const options = c.header !== null && !headers.includes(c.header) ? [c.header, ...headers] : headers;
              return (
                <FormField key={c.field} label={c.label} hint={choice[c.field] !== undefined ? '由您指定' : c.header === null ? '未找到' : undefined}>
                  {/* Never turned off while the check runs again: the clerk stays in the list (↓ on a closed list
                      chooses the next header at once, and a list turned off would drop the focus to the page). */}
                  <Select value={value} onChange={(_, d) => onChoose(c.field, d.value)}>
                    <option value={NONE}>（无）</option>
                    {options.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </Select>
                </FormField>
              );
            })}
          </div>
          <div className={s.actions}>
            {chosen > 0 && (
              <Button disabled={disabled} onClick={() => (Object.keys(choice) as Field[]).forEach((f) => onChoose(f, null))}>
                全部恢复为自动识别
              </Button>
            )}
            {offer && (
              <Button appearance="primary" disabled={disabled} onClick={offer.onRemember}>
                {chosen > 0 ? '记住列对应' : '不再记住列对应'}
              </Button>
            )}
          </div>
          {offer && (
            <Text as="p" block size={200}>
              {chosen > 0
                ? `点“记住列对应”，把这些列对应保存在${offer.where}（设置的一部分），以后读取台账都按它们；不点，只在这次有效。`
                : `${offer.where}保存着以前记住的列对应；点“不再记住列对应”，以后按自动识别读取各列。`}
            </Text>
          )}
          {remember?.saved && chosen > 0 && (
            <Text as="p" block size={200}>
              这些列对应已记住（保存在{remember.where}），可以在“设置”的“列对应”中修改。
            </Text>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
