/** The page's file side for jsdom tests: the real engine in-thread, the sample from disk, downloads recorded. */
import * as React from 'react';
import { readFileSync } from 'fs';
import * as path from 'path';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { inThreadEngine } from '../../src/browser/inThread';
import { PageFiles } from '../../src/browser/types';
import { LedgerProvider } from '../../src/taskpane/ledger';
import { OptionsForm } from '../../src/taskpane/settings';
import { Announcer } from '../../src/taskpane/components/Announcer';

export const SAMPLE_PATH = path.join(__dirname, '../../samples/ledger-2021.xlsx');

export type Downloads = Array<{ bytes: Uint8Array; name: string }>;

export function testFiles(downloads: Downloads = []): () => Promise<PageFiles> {
  const engine = inThreadEngine();
  return async () => ({
    engine: async () => engine,
    sample: async () => new Uint8Array(readFileSync(SAMPLE_PATH)),
    download: (data, name) => {
      if (data instanceof Uint8Array) downloads.push({ bytes: data, name });
      else throw new Error('tests download bytes');
    },
  });
}

export function renderPage(ui: React.ReactElement, options: { files?: () => Promise<PageFiles>; initialAsOf?: string; initialForm?: OptionsForm; storage?: Storage } = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Announcer>
        <LedgerProvider files={options.files ?? testFiles()} initialAsOf={options.initialAsOf} initialForm={options.initialForm} storage={options.storage}>
          {ui}
        </LedgerProvider>
      </Announcer>
    </FluentProvider>,
  );
}
