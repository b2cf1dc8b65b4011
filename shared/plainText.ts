// Text a citizen typed, made safe to keep, show and export (issue #27). Control characters are
// invisible and break files (a NUL ends a C string; a CR starts a spreadsheet formula), and bidi
// controls (U+202E "right-to-left override" and friends) make a comment read differently from
// what it holds — in the admin's report and in the CSV an office forwards. A tab and a line
// break are what a comment box legitimately produces: those stay, CR LF as LF.
// C0 but tab and LF, DEL, C1; then the bidi embeddings, overrides, isolates and marks.
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function plainCommentText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNWANTED, '');
}
