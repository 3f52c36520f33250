/** The strict XML reader used for SOAP and qbXML: what it reads, what it refuses, and that it never expands an entity. */
import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, scanXml, XmlScanError } from '../../server/xml/scan-xml.ts';

describe('scanXml', () => {
  it('reads elements, attributes, text, CDATA and instructions in document order', () => {
    const pis: string[] = [];
    const root = scanXml(`\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<?qbxml version="13.0"?>
      <QBXML><QBXMLMsgsRs><CustomerAddRs requestID="7" statusCode="0" statusSeverity='Info' statusMessage="Status OK">
        <CustomerRet><ListID>80000012-1764140000</ListID><Name>Smith &amp; Sons &lt;Lawn&gt; &#233;&#x2713;</Name>
        <Notes><![CDATA[a <raw> & note]]></Notes><Empty/></CustomerRet></CustomerAddRs><!-- a comment --></QBXMLMsgsRs></QBXML>`,
    { onInstruction: (name, body) => pis.push(`${name} ${body}`) });
    expect(pis).toEqual(['xml version="1.0" encoding="utf-8"', 'qbxml version="13.0"']);
    const rs = root.children[0]!.children[0]!;
    expect(rs).toMatchObject({ name: 'CustomerAddRs', attrs: { requestID: '7', statusCode: '0', statusSeverity: 'Info', statusMessage: 'Status OK' } });
    const ret = rs.children[0]!;
    expect(ret.children.map((c) => c.name)).toEqual(['ListID', 'Name', 'Notes', 'Empty']);
    expect(ret.children[1]!.text).toBe('Smith & Sons <Lawn> é✓');
    expect(ret.children[2]!.text).toBe('a <raw> & note');
    expect(ret.children[3]).toEqual({ name: 'Empty', attrs: {}, text: '', children: [] });
  });

  it('drops namespace prefixes when asked (SOAP)', () => {
    const env = scanXml('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="http://developer.intuit.com/"><strUserName>u</strUserName></authenticate></soap:Body></soap:Envelope>', { stripPrefixes: true });
    expect(env.name).toBe('Envelope');
    expect(env.attrs.soap).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(env.children[0]!.children[0]!.children[0]).toMatchObject({ name: 'strUserName', text: 'u' });
  });

  it('refuses a document type declaration, so entities are never defined or expanded (billion laughs, external entity)', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(() => scanXml(laughs)).toThrow(/document type declarations/);
    const external = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>';
    expect(() => scanXml(external)).toThrow(XmlScanError);
    // An undeclared entity reference stays literal text: nothing is looked up.
    expect(scanXml('<x>&xxe;</x>').text).toBe('&xxe;');
    expect(decodeXmlEntities('&#0;&#x110000;')).toBe('&#0;&#x110000;');
  });

  it.each([
    ['<a><b></a></b>', /closes/],
    ['<a>', /never closed/],
    ['</a>', /closes nothing/],
    ['<a></a><b></b>', /second root/],
    ['text<a></a>', /outside the root/],
    ['<a x="1" x="2"></a>', /given twice/],
    ['<a><</a>', /starts no tag/],
    ['<a x=1></a>', /starts no tag/],
    ['', /no root/],
    ['<a><!-- bad -- comment --></a>', /inside a comment/],
  ])('refuses %j', (xml, why) => {
    expect(() => scanXml(xml)).toThrow(why);
  });

  it('refuses an oversized document before reading it', () => {
    expect(() => scanXml(`<a>${'x'.repeat(100)}</a>`, { maxLength: 50 })).toThrow(/longer than 50/);
  });

  it('reads a 5 MB qbXML response (the speed itself is measured by npm run bench)', () => {
    const invoice = (i: number) => `<InvoiceRet><TxnID>${i}-1764140000</TxnID><EditSequence>1764140000</EditSequence><RefNumber>R-${i}</RefNumber>`
      + `<CustomerRef><ListID>80000001-1764140000</ListID><FullName>Big &amp; Busy</FullName></CustomerRef><Memo>Spring "cleanup"</Memo>`
      + [1, 2, 3].map((n) => `<InvoiceLineRet><TxnLineID>${n}</TxnLineID><Desc>Visit ${n}</Desc><Quantity>${n}</Quantity><Rate>45.00</Rate></InvoiceLineRet>`).join('')
      + '</InvoiceRet>';
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) { const s = invoice(i); parts.push(s); size += s.length; }
    const xml = `<?xml version="1.0"?><QBXML><QBXMLMsgsRs><InvoiceQueryRs requestID="1" statusCode="0">${parts.join('')}</InvoiceQueryRs></QBXMLMsgsRs></QBXML>`;
    const rets = scanXml(xml).children[0]!.children[0]!.children;
    expect(rets).toHaveLength(parts.length);
    expect(rets[0]!.children.find((c) => c.name === 'CustomerRef')!.children[1]!.text).toBe('Big & Busy');
  });
});
