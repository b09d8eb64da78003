import { describe, expect, it } from 'vitest';
import { decodeText, detectType, textFromBytes } from '../../src/ingest/text.ts';
import { normalizeText } from '../../src/text/normalize.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('ingest/text', () => {
  it.each([
    ['%PDF-1.7 ...', 'a.bin', 'pdf'],
    ['PK\x03\x04rest', 'a.docx', 'docx'],
    ['<!DOCTYPE html><html>', 'page', 'html'],
    ['plain words', 'x.html', 'html'],
    ['{"id": 1}', 'x', 'json'],
    ['Plain résumé text', 'cv.txt', 'text'],
  ])('detects %j as %s', (content, name, type) => {
    expect(detectType(bytes(content), name)).toBe(type);
  });

  it('falls back to a single-byte reading for bytes that are not UTF-8; normalization maps the Windows-1252 bullets', () => {
    const text = decodeText(Uint8Array.from([0x95, 0x20, 0x54, 0x65, 0x61, 0x6d, 0x92, 0x73, 0x20, 0xe9]));
    expect(text).toHaveLength(10);
    expect(normalizeText(text).text).toBe("• Team's é");
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x47, 0x00, 0x6f, 0x00]))).toBe('Go');
  });

  it.each([
    [new Uint8Array(0), 'INPUT_EMPTY'],
    [bytes(' \n\t '), 'INPUT_EMPTY'],
    [Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), 'INPUT_NOT_TEXT'],
    [bytes('x'.repeat(101)), 'INPUT_TOO_LARGE'],
  ])('rejects unusable input with a code (%#)', (input, code) => {
    expect(() => textFromBytes(input, 'doc', 100)).toThrow(expect.objectContaining({ code }));
  });
});
