import { ServiceError } from '../runtime/api-object.ts';
import type { GridBox } from './a1-notation.ts';

/** setValues-style data must match the range exactly; the messages are Sheets' own. */
export function checkShape(data: unknown, box: GridBox): asserts data is unknown[][] {
  const rows = Array.isArray(data) ? data.length : 0;
  if (!Array.isArray(data) || rows !== box.numRows) {
    throw new ServiceError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows} but the range has ${box.numRows}.`,
    );
  }
  for (const line of data) {
    const columns = Array.isArray(line) ? line.length : 0;
    if (columns !== box.numColumns) {
      throw new ServiceError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${columns} but the range has ${box.numColumns}.`,
      );
    }
  }
}
