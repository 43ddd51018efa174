/**
 * Bytes of a source file to text: strict UTF-8 (a Windows-1252 file is reported, not
 * mis-read), byte-order mark dropped, CRLF and CR line endings turned into LF.
 */
import type { Diagnostic } from '../report/diagnostic.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const { line, column } = positionOfByte(bytes, at);
    return {
      ok: false,
      diagnostic: {
        file,
        line,
        column,
        severity: 'error',
        rule: 'not-utf-8',
        message: `the file is not valid UTF-8 (byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')})`,
        hint: 'save it as UTF-8 in your editor ("Save with encoding" → UTF-8)',
      },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const { line, column } = positionOfIndex(text, nul);
    return {
      ok: false,
      diagnostic: {
        file,
        line,
        column,
        severity: 'error',
        rule: 'nul-character',
        message: 'the file contains a NUL character, which text files never do',
        hint: 'the file may be damaged or not a text file; copy its text into a new file',
      },
    };
  }
  return { ok: true, text };
}

function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    try {
      decoder.decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

function positionOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters; bytes before `at` on this line are valid UTF-8.
  const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
  return { line, column };
}

export function positionOfIndex(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
