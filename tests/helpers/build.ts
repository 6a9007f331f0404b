/** A production build of the pane into its own folder under test-output/, with the given build settings. */
import { execFileSync } from 'child_process';
import { rmSync } from 'fs';
import * as path from 'path';
import { OUTPUT } from './office';

const ROOT = path.join(__dirname, '../..');

/** Runs `webpack --mode production` with env (BANLI_OFFICE_JS, BANLI_URL…) into test-output/build-NAME; returns it. */
export function buildPane(name: string, env: Record<string, string> = {}): string {
  const out = path.join(OUTPUT, `build-${name}`);
  rmSync(out, { recursive: true, force: true });
  const clean: NodeJS.ProcessEnv = { ...process.env };
  delete clean.BANLI_URL;
  delete clean.BANLI_OFFICE_JS;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...clean, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return out;
}
