/**
 * Text that came from an agent, made safe for a terminal: what the agent sends (function
 * names, a command line, error messages, values seen by `watch`) is another process's text,
 * and a raw escape sequence in it would reach the terminal as a command (move the cursor,
 * rewrite a line, set the window title). C0 and C1 control characters, DEL, and the Unicode
 * characters that reorder or break lines are written as escapes instead.
 */

// C0 controls, DEL, C1 controls (0x9b is a one-byte CSI for many terminals), the line and
// paragraph separators, and the bidirectional overrides, embeddings and isolates.
/* eslint-disable no-control-regex -- control characters are what they match */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

function escape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line for the terminal: every control character, a newline too, escaped. */
export function printable(text: string): string {
  return text.replace(CONTROL, escape);
}

/** A message that may span lines (an error the agent reported): newlines kept, the rest escaped. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escape);
}

/**
 * JSON for the terminal: the same characters as `\uXXXX` escapes, which JSON reads back as
 * the same text (JSON.stringify escapes C0 itself, but not DEL, C1 or the Unicode ones).
 */
export function printableJson(json: string): string {
  return json.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
