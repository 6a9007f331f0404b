import * as React from 'react';
import { Button, mergeClasses } from '@fluentui/react-components';
import { useLayout } from './Layout';

/** Open or drop a ledger .xlsx, or the sample: the same control in both tabs (they share the ledger). */
export function LedgerPicker({
  disabled,
  onFile,
  onSample,
  current,
  label = '把台账（.xlsx）拖到这里，或',
}: {
  disabled: boolean;
  onFile: (f: File) => void;
  onSample: () => void;
  /** The ledger open now, named so a clerk switching tabs sees it is still there. */
  current?: string;
  label?: string;
}): React.JSX.Element {
  const s = useLayout();
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div
      className={mergeClasses(s.drop, dragging && s.dropActive)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer.files?.[0];
        if (f) onFile(f);
      }}
    >
      {current ? `当前台账：${current}。换一个台账，可拖到这里，或` : label}
      <div className={s.actions} style={{ justifyContent: 'center', marginTop: 6 }}>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={disabled}>
          打开台账文件
        </Button>
        <Button onClick={onSample} disabled={disabled}>
          打开示例台账
        </Button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="file-input"
        aria-label="台账文件"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) onFile(f);
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
