// The strict XML parser discovery reads autoconfig files with: well-formed documents parse,
// anything that could expand, reach out or hide (DOCTYPE, entities) is refused, limits hold.
import { describe, expect, it } from 'vitest';
import { child, childText, parseXml, XmlError } from '../../electron/core/accounts/discovery/xml';

describe('the XML parser', () => {
  it('reads elements, attributes, text, CDATA, comments and the declaration', () => {
    const root = parseXml(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
      <!-- a provider -->
      <clientConfig version="1.1">
        <emailProvider id='example.com'>
          <displayName>Example &amp; Co &#x263A; &#9731;</displayName>
          <note><![CDATA[<not> & markup]]></note>
          <empty/>
          <empty a="1" b = "x &lt; y" />
        </emailProvider>
      </clientConfig>
      <!-- trailing comment -->
      `,
    );
    expect(root.name).toBe('clientConfig');
    expect(root.attributes).toEqual({ version: '1.1' });
    const provider = child(root, 'emailProvider')!;
    expect(provider.attributes.id).toBe('example.com');
    expect(childText(provider, 'displayName')).toBe('Example & Co ☺ ☃');
    expect(childText(provider, 'note')).toBe('<not> & markup');
    expect(provider.children.filter((c) => c.name === 'empty').map((c) => c.attributes)).toEqual([
      {},
      { a: '1', b: 'x < y' },
    ]);
  });

  it('refuses DOCTYPE, so no entity can be declared (XXE, billion laughs)', () => {
    const laughs = `<?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
      <lolz>&lol2;</lolz>`;
    expect(() => parseXml(laughs)).toThrow(/DOCTYPE/);
    const xxe = `<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>`;
    expect(() => parseXml(xxe)).toThrow(XmlError);
  });

  it('refuses undeclared entities and bare ampersands', () => {
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/not defined/);
    expect(() => parseXml('<a>fish & chips</a>')).toThrow(/unterminated "&"/);
    expect(() => parseXml('<a b="&foo;"/>')).toThrow(/not defined/);
    expect(() => parseXml('<a>&#0;</a>')).toThrow(/not a character/);
    expect(() => parseXml('<a>&#x110000;</a>')).toThrow(XmlError);
  });

  it('checks well-formedness', () => {
    for (const broken of [
      '',
      'text only',
      '<a>',
      '<a></b>',
      '<a><b></a></b>',
      '<a/><b/>',
      '<a b=c/>',
      '<a b="1" b="2"/>',
      '<a b="<"/>',
      '<a>]]></a>',
      '<a><!-- x -- y --></a>',
      '<a>\u0001</a>',
      '<a/><?xml version="1.0"?>',
      '<a><!ELEMENT x ANY></a>',
    ])
      expect(() => parseXml(broken), JSON.stringify(broken)).toThrow(XmlError);
  });

  it('enforces limits on size, depth and element count', () => {
    expect(() => parseXml(`<a>${'x'.repeat(100)}</a>`, { maxLength: 50 })).toThrow(/larger/);
    const deep = `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`;
    expect(() => parseXml(deep)).toThrow(/deeper/);
    expect(() => parseXml(`<r>${'<e/>'.repeat(20)}</r>`, { maxElements: 10 })).toThrow(/More than 10/);
  });

  it('says where the problem is', () => {
    try {
      parseXml('<a>\n  <b></c>\n</a>');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(XmlError);
      expect((error as XmlError).offset).toBeGreaterThan(5);
      expect((error as Error).message).toMatch(/<\/c> closes <b>/);
    }
  });

  it('keeps attribute names like __proto__ as plain data', () => {
    const root = parseXml('<a __proto__="x" constructor="y"/>');
    expect(root.attributes.__proto__).toBe('x');
    expect(Object.getPrototypeOf(root.attributes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
