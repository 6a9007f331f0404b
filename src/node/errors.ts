/**
 * The command line's own error codes (beyond the core's) and system errors in Chinese: every EACCES, ENOSPC, EISDIR…
 * a user can cause becomes a sentence naming the file and what to do, never the untranslated system text.
 */
import { BanliError, ErrorCode, isBanliError } from '../core';

/** Codes only the file adapter and the command line produce. */
export type CliErrorCode =
  | ErrorCode
  /** A FIFO, device or socket: never opened. */
  | 'not-a-file'
  /** --sheet names a sheet the workbook does not have. */
  | 'no-such-sheet'
  /** An output would replace an input or an existing Office file. */
  | 'output-conflict'
  /** A file or folder could not be written. */
  | 'cannot-write'
  /** The annotated copy could not be made from this workbook. */
  | 'cannot-annotate';

export interface ErrorInfo {
  code: CliErrorCode;
  message: string;
}

/** A BanliError with one of the command line's codes (the core's type lists only its own). */
export function cliError(code: CliErrorCode, message: string): BanliError {
  return new BanliError(code as ErrorCode, message);
}

export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);
}

/** Whether the maintainers' details are wanted (BANLI_DEBUG=1): the library's or the system's own text, a stack. */
export function debugging(): boolean {
  return !!process.env.BANLI_DEBUG;
}

/**
 * A Chinese message with the technical text behind it (a library's English, a system error code) appended only
 * under BANLI_DEBUG; without it the clerk sees the Chinese sentence alone.
 */
export function withDetail(message: string, detail: unknown): string {
  if (!debugging() || detail === undefined || detail === null || detail === '') return message;
  return `${message}（调试信息：${String(detail)}）`;
}

/** A BanliError's message, with its detail under BANLI_DEBUG. */
export function banliMessage(e: BanliError): string {
  return withDetail(e.message, e.detail);
}

/** The technical text of anything thrown (for withDetail). */
export function rawText(e: unknown): string {
  if (isSystemError(e)) return `${e.code}: ${e.message}`;
  return String((e as Error)?.message ?? e);
}

/** What was being done when the error happened, for the sentence. */
export type Action = 'read' | 'write' | 'create-folder' | 'list';

const VERB: Record<Action, string> = { read: '读取', write: '写入', 'create-folder': '创建文件夹', list: '打开文件夹' };

/** One system error as a Chinese sentence naming the path and what to do. */
export function systemMessage(e: NodeJS.ErrnoException, file: string, action: Action): string {
  const verb = VERB[action];
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return `没有权限${verb} ${file}：请换一个有权限的位置，或请管理员开放这个文件或文件夹的权限。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法${verb} ${file}：请清理磁盘或换一个位置后重试。`;
    case 'EROFS':
      return `${file} 所在的磁盘是只读的，无法${verb}：请换一个可以写入的位置。`;
    case 'EEXIST':
      return action === 'create-folder'
        ? `无法创建文件夹 ${file}：同名的文件已经存在。请换一个文件夹名。`
        : `${file} 已经存在，为免覆盖没有${verb}：请换一个名字。`;
    case 'EISDIR':
      return action === 'read'
        ? `${file} 是文件夹，不是文件。`
        : `${file} 是一个文件夹，不能当作文件写入：请在文件夹后面加上文件名，例如 ${file.replace(/[\\/]+$/, '')}/报告.html。`;
    case 'ENOENT':
      return action === 'read' ? `找不到文件：${file}` : `无法${verb} ${file}：它所在的文件夹不存在。`;
    case 'ENOTDIR':
      return `无法${verb} ${file}：路径中有一段是文件而不是文件夹，请检查路径。`;
    case 'ELOOP':
      return `无法${verb} ${file}：符号链接绕成了循环，请检查这个链接。`;
    case 'ENAMETOOLONG':
      return `无法${verb} ${file}：路径或文件名太长，请换一个短一些的名字。`;
    case 'EMFILE':
    case 'ENFILE':
      return `无法${verb} ${file}：同时打开的文件太多，请减少 --jobs 或稍后重试。`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `无法${verb} ${file}：文件正被其他程序使用，请关闭 Excel、WPS 等程序后重试。`;
    case 'EIO':
      return `${verb} ${file} 时磁盘读写出错：请检查磁盘或换一个位置。`;
    default:
      return withDetail(`${verb} ${file} 时出错，系统没有完成这项操作：请检查这个文件或文件夹是否还在、能否打开，磁盘是否正常，然后重试。`, rawText(e));
  }
}

/** Any error thrown while touching a file, as {code, message}: BanliErrors pass through, system errors are translated. */
export function errorInfo(e: unknown, file: string, action: Action): ErrorInfo {
  if (isBanliError(e)) return { code: e.code, message: banliMessage(e) };
  if (isSystemError(e)) {
    const code: CliErrorCode = action === 'read' ? (e.code === 'ENOENT' ? 'not-found' : 'unreadable') : 'cannot-write';
    return { code, message: systemMessage(e, file, action) };
  }
  return {
    code: action === 'read' ? 'unreadable' : 'cannot-write',
    message: withDetail(`${VERB[action]} ${file} 时出现了意外错误。请重试；仍不行的，请设置 BANLI_DEBUG=1 再运行一次，把输出交给维护人员。`, rawText(e)),
  };
}

/** The same, as a BanliError to throw. */
export function translated(e: unknown, file: string, action: Action): BanliError {
  if (isBanliError(e)) return e;
  const info = errorInfo(e, file, action);
  return cliError(info.code, info.message);
}
