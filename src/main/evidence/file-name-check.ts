// The file name an attachment arrived with is shown, never used: Passdesk stores files by
// their sha256, so no name can steer where bytes land. A name that looks like a path
// ("../../x.png", "C:\x.png"), hides characters (NUL, other control characters) or reverses
// text to disguise its extension is still a sign of someone trying something, and the file is
// refused. Pure.

/** Control characters made visible (U+2400 "␀" …), so a shown name cannot hide anything. */
export function shownFileName(name: string): string {
  let shown = '';
  for (const c of name.slice(0, 1200)) shown += isControl(c) ? (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))) : c;
  return shown;
}

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

/** Null when the name is harmless, else why it is refused, as the end of a sentence. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return null;
  if (name.includes('\u0000')) return 'it contains a NUL character, a trick to cut a name short';
  if ([...name].some(isControl)) return 'it contains control characters';
  if (BIDI_CONTROLS.test(name)) return 'it contains right-to-left controls that disguise its real extension';
  if (/^[a-zA-Z]:/.test(name)) return 'it starts with a drive letter, like a Windows path';
  if (name.includes('/') || name.includes('\\')) return 'it contains folder separators, like a path';
  if (name === '.' || name === '..') return 'it names a folder, not a file';
  if (name.length > 255) return 'it is longer than any file system allows (255 characters)';
  return null;
}
