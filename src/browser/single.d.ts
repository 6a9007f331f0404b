/** Modules only dist/banli.html's build (webpack.single.config.js) and the WPS add-in's (webpack.wps.config.js) provide. */
declare module 'banli-worker-source' {
  const source: string;
  export default source;
}
declare module 'banli-sample' {
  const dataUrl: string;
  export default dataUrl;
}
