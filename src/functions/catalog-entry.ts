/** The shape of a COMP function's reference entry, shared by every family's catalog. */

/** An Excel error a function can return, and when. */
export type CatalogError = { readonly code: "#VALUE!" | "#N/A" | "#NUM!"; readonly when: string };

export type CatalogParameter = { readonly name: string; readonly description: string; readonly optional: boolean };

export type CatalogEntry = {
  /** Function id and name (ids never change once shipped); called as COMP.<name>. */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly CatalogParameter[];
  readonly returns: string;
  readonly example: string;
  /**
   * The example as the task pane writes it with the workbook's own tables: {plans} and {roster}
   * (the tables chosen), {asOf} (the study's date), {schedule} (a plan of the pay plans, from its
   * Grade column to its last pay column), {grade} (an employee's grade, quoted), {payRow} (that
   * grade's pay, minimum to maximum), {salary} (that employee's salary cell), {lanes} and {lane}
   * (a lane schedule from its Step column, and its first lane).
   */
  readonly workbook?: string;
  readonly errors: readonly CatalogError[];
};

export const req = (name: string, description: string): CatalogParameter => ({ name, description, optional: false });
export const opt = (name: string, description: string): CatalogParameter => ({ name, description, optional: true });
