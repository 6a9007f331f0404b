/**
 * `banli check --json` on every ledger fixture (tests/ledgers/fixtures.ts), the 40 unit returns combined and the
 * sample, at two dates, compared with the output stored in tests/node/golden/check.json. The stored output was made by
 * the code before the speed work on `analyse` (issue #10): any change to what check reports shows up here.
 * A deliberate change of output: BANLI_UPDATE_GOLDEN=1 npx jest tests/node/golden.test.ts, and review the diff.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/node/cli';
import { fixtures, moreFixtures, unitReturns, writeFixture } from '../ledgers/fixtures';

const GOLDEN = path.join(__dirname, 'golden', 'check.json');
const ROOT = path.join(__dirname, '../..');
const DATES = ['2021-07-19', '2022-03-01'];

async function check(args: string[], dir: string): Promise<unknown> {
  let out = '';
  let err = '';
  const code = await main(['check', '--json', ...args], { out: (s) => (out += s), err: (s) => (err += s) });
  // Paths in the output are relative to the folder the fixtures were written to.
  const doc = JSON.parse(out.split(dir + path.sep).join('').split(ROOT + path.sep).join(''));
  return { code, err, doc };
}

test('check --json gives the stored output on every fixture', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'banli-golden-'));
  try {
    const files: Array<[string, string]> = [];
    for (const [name, f] of Object.entries({ ...fixtures(), ...moreFixtures() })) files.push([name, await writeFixture(dir, f)]);
    for (const f of unitReturns()) await writeFixture(dir, f);
    files.push(['sample', path.join(ROOT, 'samples/ledger-2021.xlsx')]);
    const got: Record<string, unknown> = {};
    for (const asOf of DATES) {
      for (const [name, file] of files) got[`${name} ${asOf}`] = await check(['--as-of', asOf, file], dir);
      // The 40 unit returns read as one ledger.
      got[`returns combined ${asOf}`] = await check(['--as-of', asOf, '--combine', path.join(dir, 'returns')], dir);
    }
    if (process.env.BANLI_UPDATE_GOLDEN) {
      await fs.mkdir(path.dirname(GOLDEN), { recursive: true });
      // One line per run: a difference names the fixture and the date.
      await fs.writeFile(GOLDEN, `{\n${Object.entries(got).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`);
    }
    const stored = JSON.parse(await fs.readFile(GOLDEN, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(got).sort()).toEqual(Object.keys(stored).sort());
    for (const k of Object.keys(stored)) expect([k, got[k]]).toEqual([k, stored[k]]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
