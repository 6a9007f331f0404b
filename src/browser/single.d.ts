/** Modules only dist/banli.html's build provides (webpack.single.config.js). */
declare module 'banli-worker-source' {
  const source: string;
  export default source;
}
declare module 'banli-sample' {
  const dataUrl: string;
  export default dataUrl;
}
