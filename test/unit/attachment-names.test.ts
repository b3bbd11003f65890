// Attachment names come from the stored BODYSTRUCTURE, which is trusted no further than its shape.
import { describe, expect, it } from 'vitest';
import { attachmentNames } from '../../electron/core/search/attachment-names';

describe('attachment names', () => {
  it('lists the file names of every part, nested ones too', () => {
    const structure = {
      type: 'multipart/mixed',
      childNodes: [
        { type: 'text/plain' },
        { type: 'application/pdf', dispositionParameters: { filename: 'report.pdf' } },
        {
          type: 'multipart/related',
          childNodes: [{ type: 'image/png', parameters: { name: 'logo.png' } }],
        },
      ],
    };
    expect(attachmentNames(JSON.stringify(structure))).toEqual(['report.pdf', 'logo.png']);
  });

  it('gives nothing for a missing, broken or hostile structure, and stops deep nesting', () => {
    expect(attachmentNames(null)).toEqual([]);
    expect(attachmentNames('{')).toEqual([]);
    expect(attachmentNames('"text"')).toEqual([]);
    expect(attachmentNames(JSON.stringify({ childNodes: 'x', parameters: { name: 42 } }))).toEqual([]);
    const open = '{"type":"multipart/mixed","childNodes":['.repeat(1_000);
    const deep = `${open}{"type":"application/zip","parameters":{"name":"deep.zip"}}${']}'.repeat(1_000)}`;
    expect(attachmentNames(deep)).toEqual([]);
  });
});
