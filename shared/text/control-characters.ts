// Control characters for regular expressions, spelled once.
//
// Stowage removes or refuses control characters on purpose: in file and folder names, zip paths,
// Markdown and XML text. ESLint's no-control-regex rejects control characters written into a
// regex literal, where they are usually a mistake; the deliberate ones are these character-class
// ranges, which callers put into a RegExp built from a string.

/** C0 controls, U+0000–U+001F: refused in Windows file names, meaningless in one line of text. */
export const C0_CONTROLS = '\\u0000-\\u001f';

/** The C0 controls XML 1.0 refuses in text: all of them but tab, line feed and carriage return. */
export const C0_CONTROLS_NOT_IN_XML = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f';

/** DEL and the C1 controls, U+007F–U+009F. */
export const DEL_AND_C1_CONTROLS = '\\u007f-\\u009f';
