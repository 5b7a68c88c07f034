import { cellText } from './cells';
import { CellValue } from './read-table';

export interface RowError {
  /** the row of the sheet or line of the file; null for the file as a whole */
  row: number | null;
  /** the column's header; null when not about one column */
  column: string | null;
  message: string;
}

/**
 * The checks of one row of an import share this: errors collected per column (named by its header), and the cells
 * read as text, where a cell that cannot be read as text (an error value, a formula without a value) is an error of
 * its column and is remembered as unreadable, so the row's other checks do not report it twice.
 */
export function rowReader<K extends string>(row: number, cells: Partial<Record<K, CellValue>>, headerOf: Record<K, string>) {
  const errors: RowError[] = [];
  const unreadable = new Set<K>();
  const err = (key: K, message: string) => errors.push({ row, column: headerOf[key], message });
  /** The cell as text; '' when the column is absent or the cell is unreadable. */
  const text = (key: K): string => {
    if (!(key in cells)) return '';
    const t = cellText(cells[key] ?? null);
    if (!t.ok) {
      err(key, t.message);
      unreadable.add(key);
      return '';
    }
    return t.value;
  };
  return { errors, unreadable, err, text };
}
