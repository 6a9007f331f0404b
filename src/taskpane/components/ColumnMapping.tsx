/**
 * 列对应: which header of the ledger each field was read from, and the clerk's correction of a wrong guess. A
 * change re-runs the check with the chosen column; "（无）" means the ledger has no such column.
 */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field as FormField, Select, Text, makeStyles } from '@fluentui/react-components';
import type { ColumnChoice, Field } from '../../core';

const NONE = '';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: '6px 10px' },
});

export interface ColumnMappingProps {
  columns: Array<{ field: Field; label: string; header: string | null }>;
  headers: string[];
  choice: ColumnChoice;
  disabled?: boolean;
  onChoose(field: Field, header: string | null): void;
}

export function ColumnMapping({ columns, headers, choice, disabled, onChoose }: ColumnMappingProps): React.JSX.Element {
  const s = useStyles();
  const found = columns.filter((c) => c.header !== null).length;
  const chosen = Object.keys(choice).length;
  return (
    <Accordion collapsible>
      <AccordionItem value="columns">
        <AccordionHeader as="h2">
          列对应（已识别 {found} 列{chosen ? `，其中 ${chosen} 列由您指定` : ''}）
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
                  <Select value={value} disabled={disabled} onChange={(_, d) => onChoose(c.field, d.value)}>
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
          {chosen > 0 && (
            <Button disabled={disabled} onClick={() => (Object.keys(choice) as Field[]).forEach((f) => onChoose(f, null))}>
              全部恢复为自动识别
            </Button>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
