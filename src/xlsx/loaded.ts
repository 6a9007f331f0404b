/** A workbook as read from a file: its name, its grids and its bytes (kept for an annotated copy). */
import { Grid } from '../core';

export interface LoadedWorkbook {
  name: string;
  grids: Grid[];
  bytes: Uint8Array;
}
