/** dist/banli.html always has Web Workers (every browser that opens it does); the in-thread engine is left out. */
import { BanliError } from '../core';
import { Engine } from './types';

export function inThreadEngine(): Engine {
  throw new BanliError('unreadable', '这个浏览器太旧，不能在后台读取台账。请用新版的 Edge、Chrome、Firefox 或 WPS 浏览器打开本页面。');
}
