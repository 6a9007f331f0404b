// Builds dist/banli.html: ONE self-contained file (the page's scripts, the ledger worker's code, styles and the
// sample ledger inlined; no office.js) that works opened from disk (file://) and makes no request at all. Clerks can
// copy it anywhere. Two compilations: the worker first (one script), then the page, which inlines it as text and
// starts it from a blob: URL. Transpilation (source and node_modules, for the oldest engines) is webpack.common.js's.
const path = require('path');
const webpack = require('webpack');
const common = require('./webpack.common');

const ROOT = __dirname;
const TMP = path.join(ROOT, 'node_modules', '.cache', 'banli-single');
const WORKER = path.join(TMP, 'worker.js');
const SAMPLE = path.join(ROOT, 'samples', 'ledger-2021.xlsx');

const replace = (name) => new webpack.NormalModuleReplacementPlugin(new RegExp(`^\\./${name}$`), `./${name}.single`);

/** Puts the page's one script into src/taskpane/banli.html and emits dist/banli.html in its place. */
class InlineIntoHtml {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineIntoHtml', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InlineIntoHtml', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const js = compilation.getAsset('banli.js');
        if (!js) return;
        const template = require('fs').readFileSync(path.join(ROOT, 'src/taskpane/banli.html'), 'utf8');
        // A script inlined in HTML must not close its own tag or open a comment.
        const code = js.source.source().toString().replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
        const html = template.replace('/*BANLI_SCRIPT*/', () => code);
        compilation.emitAsset('banli.html', new webpack.sources.RawSource(html));
        compilation.deleteAsset('banli.js');
        for (const a of compilation.getAssets()) if (a.name.endsWith('.LICENSE.txt')) compilation.deleteAsset(a.name);
      });
    });
  }
}

// `--env out=DIR` writes banli.html into DIR instead of dist/ (the tests build their own copy).
module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const shared = {
    mode,
    devtool: false,
    resolve: common.resolve,
    module: { rules: common.moduleRules },
    performance: { hints: false },
    optimization: { splitChunks: false, runtimeChunk: false },
  };
  const cache = (name) => ({ type: 'filesystem', name: `single-${name}-${mode}`, buildDependencies: { config: [__filename, require.resolve('./webpack.common.js')] } });
  return [
    {
      ...shared,
      name: 'worker',
      target: ['webworker', `es${common.ECMA_VERSION}`],
      cache: cache('worker'),
      entry: { worker: './src/browser/worker.ts' },
      output: { path: TMP, filename: 'worker.js', clean: true },
      plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    },
    {
      ...shared,
      name: 'page',
      dependencies: ['worker'],
      target: common.target,
      // The cache checks the worker's output like any other file: a new worker means a new page.
      cache: cache('page'),
      entry: { banli: './src/taskpane/single.tsx' },
      output: { path: env.out ? path.resolve(env.out) : path.join(ROOT, 'dist'), filename: '[name].js', clean: false },
      resolve: { ...common.resolve, alias: { 'banli-worker-source$': WORKER, 'banli-sample$': SAMPLE } },
      module: {
        rules: [
          { test: (p) => p === WORKER, type: 'asset/source' },
          { test: (p) => p === SAMPLE, type: 'asset/inline' },
          ...common.moduleRules.map((r) => ({ ...r, exclude: r.exclude ? [r.exclude, WORKER] : WORKER })),
        ],
      },
      plugins: [
        replace('makeWorker'),
        replace('sample'),
        replace('inThread'),
        new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
        new InlineIntoHtml(),
      ],
    },
  ];
};
