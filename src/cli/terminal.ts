/**
 * Text from a file, shown on a terminal: a sheet name, a header or a cell can hold control
 * characters that a terminal takes as commands (clear the screen, move the cursor up over the
 * unmatched count) or that reorder what it shows (bidirectional overrides). Every line the CLI
 * prints goes through `printable`, which writes each such character as an escape (\x1b, \u202e)
 * so it is seen, not obeyed (issue 19).
 */

/** C0 controls, DEL, C1 controls, bidirectional marks and controls, line and paragraph separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line of `text` with every character a terminal would act on (line feeds too) written as an escape. */
export function printable(text: string): string {
  UNPRINTABLE.lastIndex = 0;
  if (!UNPRINTABLE.test(text)) return text;
  UNPRINTABLE.lastIndex = 0;
  return text.replace(UNPRINTABLE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
