import { evidenceRange, paragraphHtml } from '../../../src/pages/reader';
import type { ReaderMention, ReaderParagraph, ReaderRelation } from '../../../src/pages/reader-data';

// A paragraph of our own at offset 1000 of an imaginary file.
const text = '١٢- وأنشأ المجلس ولاية المقرر الخاص. وتعاون المكتب مع المنظمة الدولية للهجرة في ذلك.';
const p: ReaderParagraph = { id: 'd:12', number: '12', ordinal: 3, text, start: 1000, end: 1000 + text.length };
const at = (s: string) => 1000 + text.indexOf(s);
const mention = (entity: string, kind: string, s: string): ReaderMention => ({ entity, kind, name: s, start: at(s), end: at(s) + s.length });
const mentions = [mention('agency:council', 'Agency', 'المجلس'), mention('rapporteur:sr', 'Rapporteur', 'المقرر الخاص'), mention('agency:iom', 'Agency', 'المنظمة الدولية للهجرة')];
const rel: ReaderRelation = {
  type: 'ESTABLISHED',
  source: 'agency:council',
  sourceName: 'المجلس',
  target: 'rapporteur:sr',
  targetName: 'المقرر الخاص',
  evidence: 'وأنشأ المجلس ولاية المقرر الخاص.',
  paragraph: '12',
  confidence: 0.9,
};

describe('document reader', () => {
  it('places a relation evidence in its paragraph, also when it was cut', () => {
    expect(evidenceRange(text, rel.evidence)).toEqual([text.indexOf('وأنشأ'), text.indexOf('وأنشأ') + rel.evidence!.length]);
    expect(evidenceRange(text, 'وأنشأ المجلس ولاية')).toEqual([text.indexOf('وأنشأ'), text.indexOf('وأنشأ') + 'وأنشأ المجلس ولاية'.length]);
    expect(evidenceRange(text, 'جملة ليست هنا')).toBeNull();
  });

  it('renders mentions as marks, the evidence as a span, and the focused relation with its ends and an anchor', () => {
    const html = paragraphHtml(p, mentions, [rel], { type: 'ESTABLISHED', source: 'agency:council', target: 'rapporteur:sr' });
    expect(html.match(/<mark /g)).toHaveLength(3);
    expect(html).toContain('id="focus"');
    expect(html.match(/id="focus"/g)).toHaveLength(1);
    expect(html).toMatch(/<span class="evidence focus" id="focus">[^]*<mark class="m end"[^>]*data-entity="agency:council"/);
    // The other agency is outside the evidence: marked, not an end.
    expect(html).toMatch(/<mark class="m" [^>]*data-entity="agency:iom"/);
    // Nothing of the text is lost or escaped wrongly.
    expect(html.replace(/<[^>]+>/g, '')).toBe(text);
  });

  it('escapes the text', () => {
    const q: ReaderParagraph = { ...p, text: 'a <b> & "c"', end: 1011 };
    expect(paragraphHtml(q, [], [], null)).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });
});
