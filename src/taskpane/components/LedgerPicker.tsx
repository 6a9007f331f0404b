import * as React from 'react';
import { Button, mergeClasses } from '@fluentui/react-components';
import { useLayout } from './Layout';

/** A folder chosen in the picker, where the browser allows it (Chrome, Edge, Firefox, Safari: webkitdirectory). */
const canPickFolder = (): boolean => typeof document !== 'undefined' && 'webkitdirectory' in document.createElement('input');

type Entry = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string };
type FileEntry = Entry & { file(ok: (f: File) => void, fail: (e: unknown) => void): void };
type DirEntry = Entry & { createReader(): { readEntries(ok: (es: Entry[]) => void, fail: (e: unknown) => void): void } };

/** Every file under a dropped folder, each with its path in the folder (as a folder picked in the dialog gives). */
async function filesIn(entry: Entry): Promise<File[]> {
  if (entry.isFile) {
    const f = await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail));
    const rel = entry.fullPath.replace(/^\//, '');
    if (rel !== f.name) Object.defineProperty(f, 'webkitRelativePath', { value: rel });
    return [f];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as DirEntry).createReader();
  const all: Entry[] = [];
  // readEntries gives a folder's entries in batches until an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    all.push(...batch);
  }
  all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return (await Promise.all(all.filter((e) => !e.name.startsWith('.')).map(filesIn))).flat();
}

/** The files of a drop: dropped folders walked (where the browser gives entries), files as they are. */
async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const items = [...(dt.items ?? [])].filter((i) => i.kind === 'file');
  const entries = items.map((i) => (i as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.length && entries.every((e) => e !== null) && entries.some((e) => e!.isDirectory)) {
    return (await Promise.all(entries.map((e) => filesIn(e!)))).flat();
  }
  return [...(dt.files ?? [])];
}

/**
 * Open or drop ledger .xlsx files (several, or a folder of unit returns, are read as one ledger), or the sample:
 * the same control in both tabs (they share the ledger).
 */
export function LedgerPicker({
  disabled,
  onFiles,
  onSample,
  current,
  label = '把台账（.xlsx，可以是几个文件或一个文件夹）拖到这里，或',
}: {
  disabled: boolean;
  onFiles: (f: File[]) => void;
  onSample: () => void;
  /** The ledger open now, named so a clerk switching tabs sees it is still there. */
  current?: string;
  label?: string;
}): React.JSX.Element {
  const s = useLayout();
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const folder = React.useRef<HTMLInputElement>(null);
  const folders = React.useMemo(canPickFolder, []);
  const chosen = (e: React.ChangeEvent<HTMLInputElement>) => {
    const fs = [...(e.currentTarget.files ?? [])];
    if (fs.length) onFiles(fs);
    e.currentTarget.value = '';
  };
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
        if (disabled) return;
        void droppedFiles(e.dataTransfer).then(
          (fs) => fs.length && onFiles(fs),
          () => onFiles([...(e.dataTransfer.files ?? [])]),
        );
      }}
    >
      {current ? `当前台账：${current}。换一个台账，可拖到这里，或` : label}
      <div className={s.actions} style={{ justifyContent: 'center', marginTop: 6 }}>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={disabled}>
          打开台账文件
        </Button>
        {folders && (
          <Button onClick={() => folder.current?.click()} disabled={disabled}>
            打开文件夹
          </Button>
        )}
        <Button onClick={onSample} disabled={disabled}>
          打开示例台账
        </Button>
      </div>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="file-input"
        aria-label="台账文件（可选几个，合并为一个台账）"
        onChange={chosen}
      />
      {folders && (
        <input
          ref={folder}
          type="file"
          hidden
          data-testid="folder-input"
          aria-label="台账文件夹（其中的工作簿合并为一个台账）"
          {...({ webkitdirectory: '', directory: '' } as object)}
          onChange={chosen}
        />
      )}
    </div>
  );
}
