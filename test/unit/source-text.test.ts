import { describe, expect, it } from 'vitest';
import { headerSection, shownSource } from '../../renderer/reader-tools/source-text';

describe('headerSection', () => {
  it('is everything before the first empty line, folded lines kept', () => {
    const source = 'Subject: a\r\n long fold\r\nFrom: b@x\r\n\r\nBody\r\n\r\nmore';
    expect(headerSection(source)).toBe('Subject: a\n long fold\nFrom: b@x');
  });

  it('is the whole text when the message has no body', () => {
    expect(headerSection('Subject: only\r\nFrom: b@x\r\n')).toBe('Subject: only\nFrom: b@x\n');
  });

  it('also splits a message stored with bare LF line ends', () => {
    expect(headerSection('A: 1\nB: 2\n\nbody')).toBe('A: 1\nB: 2');
  });
});

describe('shownSource', () => {
  it('makes CRLF plain LF and keeps everything else', () => {
    expect(shownSource('a\r\nb\r\n\r\nc\td')).toBe('a\nb\n\nc\td');
  });
});
