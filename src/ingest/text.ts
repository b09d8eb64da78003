// Bytes -> text for plain-text documents: encoding detection (UTF-8, UTF-16 with BOM,
// Windows-1252 fallback) and the checks that turn unusable input into coded errors.

import { createError } from '../errors.ts';

export type DocumentType = 'text' | 'html' | 'pdf' | 'docx' | 'json' | 'binary';

/** Sniffs the type from magic bytes first, the file name second. */
export function detectType(bytes: Uint8Array, name = ''): DocumentType {
  if (bytes.length >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (looksBinary(bytes)) return 'binary';
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (/\.html?$/i.test(name) || head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (/\.json$/i.test(name) || head.startsWith('{')) return 'json';
  return 'text';
}

/** NUL bytes, or many control characters in the first 8 KB, mean this is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A plain-text document's text, or a coded error for empty, binary or oversized input. */
export function textFromBytes(bytes: Uint8Array, what: string, maxBytes: number): string {
  if (bytes.length > maxBytes) throw createError('INPUT_TOO_LARGE', { what, size: bytes.length, limit: maxBytes });
  const type = detectType(bytes, what);
  if (type === 'binary') throw createError('INPUT_NOT_TEXT', { what });
  if (type === 'pdf' || type === 'docx') throw createError('INPUT_UNSUPPORTED_TYPE', { type });
  const text = decodeText(bytes);
  return checkText(text, what, maxBytes);
}

export function checkText(text: string, what: string, maxBytes: number): string {
  if (text.length > maxBytes) throw createError('INPUT_TOO_LARGE', { what, size: text.length, limit: maxBytes });
  if (text.trim() === '') throw createError('INPUT_EMPTY', { what });
  if (mostlyControl(text)) throw createError('INPUT_NOT_TEXT', { what });
  return text;
}

/** Text that arrived as a string (a JSON field) but is binary junk: many control characters. */
function mostlyControl(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) control++;
  }
  return control / n > 0.05;
}
