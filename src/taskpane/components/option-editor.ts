/**
 * The plug point's types: an option whose value needs more than a field gets its own editor
 * (OPTION_EDITORS in OptionField.tsx, by the option's name). Here, apart, so an editor's own file
 * imports its type without importing the field that registers it.
 */
import type * as React from "react";
import type { OptionSpec } from "../../engine/study";

/** An option's field, bound to the study's settings. */
export type OptionFieldProps = {
  spec: OptionSpec;
  /** The option's text, saved in the workbook by the option's name like any other option's. */
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
};

/**
 * An option's own editor, for a value a field cannot hold well (a settlement's year-by-year
 * scenario). `Field` draws any option as the plain field would (for the options it gathers);
 * `covers` names the options it edits besides its own, which the page then does not draw again.
 */
export type OptionEditor = ((
  props: OptionFieldProps & { Field: (props: OptionFieldProps) => React.JSX.Element },
) => React.JSX.Element) & { covers?: readonly string[] };
