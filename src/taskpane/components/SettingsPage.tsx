/**
 * 设置 on the standalone page and in the Word pane: the same form as in Excel; the settings go to the page's ledger
 * engine (used by the check, the annotated copy and the circular), are kept in this browser (localStorage: the clerk
 * reads 本浏览器中, never the API's name) between visits on the page and in the document in Word, and can be downloaded
 * as banli.config.json for the command line or another computer.
 */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { CONFIG_FILE_NAME } from '../../core';
import { settingsText } from '../../config/form';
import { useLedger } from '../ledger';
import { Header, useLayout } from './Layout';
import { SettingsView } from './SettingsView';
import type { StatusMessage } from './CheckControls';

/** Where the settings are kept, in the clerk's words. */
const WHERE = {
  browser: '设置保存在本浏览器中，下次在这台电脑上用这个浏览器打开本页面仍然有效，不会上传到任何地方。检查台账、标注副本和通报都按这些设置。',
  refused: '这个浏览器不允许本页面保存设置：点“保存”后，设置只在本次打开页面时有效。检查台账、标注副本和通报都按这些设置。',
  document: '设置随本文档保存（在文档里，不上传到任何地方）：以后在这台或别的电脑上打开这个文档生成、更新通报，仍按这些设置。打开的台账按这些设置检查和统计。',
  session: '这里不能保存设置：点“应用”后，设置只在这次打开时有效。打开的台账按这些设置检查和统计。',
} as const;

export function SettingsPage(): React.JSX.Element {
  const s = useLayout();
  const l = useLedger();
  const download = async (say: (m: StatusMessage) => void) => {
    try {
      (await l.files()).download(new Blob([settingsText(l.settings)], { type: 'application/json' }), CONFIG_FILE_NAME, 'application/json');
      say({ intent: 'success', text: `已生成 ${CONFIG_FILE_NAME}（正在使用的设置，不含表单中尚未保存的改动），请在浏览器的下载中查看。` });
    } catch (e) {
      say({ intent: 'error', text: `没有生成 ${CONFIG_FILE_NAME}：${String((e as Error)?.message ?? e)}` });
    }
  };
  return (
    <main className={s.root}>
      <Header subtitle="检查台账和生成通报使用的设置。可以下载保存成文件（banli.config.json），在别的电脑上导入。" />
      <SettingsView
        value={l.settings}
        onSave={l.setSettings}
        saveLabel={l.settingsPlace === 'session' ? '应用' : '保存'}
        where={WHERE[l.settingsPlace]}
        storedProblem={l.settingsProblem}
        disabled={!!l.busy}
        keep={l.settingsDraft}
        actions={(say) => (
          <Button onClick={() => void download(say)} disabled={!!l.busy}>
            下载 banli.config.json
          </Button>
        )}
      />
    </main>
  );
}
