/** npm run sample: writes samples/ledger-2021.xlsx and samples/README.md. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildSampleWorkbook } from './generate';
import { sampleReadme } from './readme';
import { writeFileAtomic } from '../safeWrite';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../../samples');
  await fs.mkdir(dir, { recursive: true });
  const buf = await buildSampleWorkbook();
  await writeFileAtomic(path.join(dir, 'ledger-2021.xlsx'), buf);
  await writeFileAtomic(path.join(dir, 'README.md'), sampleReadme());
  process.stdout.write(`已写入 samples/ledger-2021.xlsx（${buf.length} 字节）和 samples/README.md\n`);
}

main().catch((e) => {
  process.stderr.write(`${String(e?.message ?? e)}\n`);
  process.exit(1);
});
