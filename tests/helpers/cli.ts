/** The command line run in the test's process: its exit code, what it wrote to stdout and stderr, stdout as JSON. */
import { main } from '../../src/node/cli';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads any field of the JSON document
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string; json: () => any }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err, json: () => JSON.parse(out) };
}
