/** Visual -> logical order of one PDF line: pieces as drawn left to right, Arabic pieces already logical inside. */
import { logicalOrder } from '../../../src/ingest/formats/bidi';
import { documentText, pageText, type TextItem } from '../../../src/ingest/formats/pdf-layout';

const rtl = (...visual: string[]) => logicalOrder(visual, true).join('');

describe('right-to-left lines', () => {
  test('Arabic words are read right to left', () => {
    expect(rtl('العامة', ' ', 'الجمعية')).toBe('الجمعية العامة');
  });
  test('numbers keep their digits in order, with the separators that join them', () => {
    expect(rtl('5', '/', '2', ' ', 'القرار')).toBe('القرار 5/2');
    expect(rtl('.', '2012', ' ', 'عام')).toBe('عام 2012.');
    expect(rtl('٢٠١٢', ' ', 'أكتوبر')).toBe('أكتوبر ٢٠١٢');
  });
  test('a range drawn right to left (2012 on the left) comes back as written', () => {
    expect(rtl('2012', '-', '2010', ' ', 'الفترة')).toBe('الفترة 2010-2012');
    expect(rtl('١٩', '-', '١٥', ' ', 'فيينا،')).toBe('فيينا، ١٥-١٩');
  });
  test('Latin runs stay left to right; brackets around them, drawn mirrored, are swapped back', () => {
    expect(rtl('(', 'UNODC', ')', ' ', 'المكتب')).toBe('المكتب (UNODC)');
    expect(rtl('CTOC', '/', 'COP', '/', '2012', '/', '6', ' ', 'الوثيقة')).toBe('الوثيقة CTOC/COP/2012/6');
  });
  test('a paragraph number at the right margin comes first', () => {
    expect(rtl('طلب', ' ', '-', '١')).toBe('١- طلب');
  });
});

test('left-to-right lines only reverse their Arabic runs', () => {
  expect(logicalOrder(['See', ' ', 'العامة', ' ', 'الجمعية', ' ', 'report'], false).join('')).toBe('See الجمعية العامة report');
});

describe('page layout from positioned items', () => {
  // One item per word, drawn right to left from x = 500; 10-point text, 14 points between lines.
  function line(words: string[], y: number, right = 500): TextItem[] {
    let x = right;
    return words.flatMap((w, i) => {
      const width = w.length * 5;
      x -= width;
      const item = { s: w, x, y, w: width, h: 10, dir: 'rtl' };
      const space = { s: ' ', x: x - 3, y, w: 3, h: 10, dir: 'ltr' };
      x -= 3;
      return i < words.length - 1 ? [item, space] : [item];
    });
  }

  test('two columns are read right column first, each top to bottom', () => {
    const right = ['أول', 'سطر', 'في', 'العمود', 'الأيمن', 'هنا'];
    const left = ['أول', 'سطر', 'في', 'العمود', 'الأيسر', 'هنا'];
    const items = [700, 686, 672].flatMap((y, i) => [...line(right.map((w) => w + i), y, 500), ...line(left.map((w) => w + i), y, 250)]);
    const text = pageText(items);
    const words = text.split(/\s+/);
    expect(words.slice(0, 6)).toEqual(right.map((w) => w + 0));
    expect(words.slice(6, 12)).toEqual(right.map((w) => w + 1));
    expect(words.slice(18, 24)).toEqual(left.map((w) => w + 0));
  });

  test('a paragraph number hanging in the margin starts its paragraph, whose wrapped lines join', () => {
    const words = ['تعاون', 'المكتب', 'مع', 'الدول', 'الأعضاء', 'في', 'مجال', 'المساعدة', 'التقنية'];
    const items = [
      { s: '١-', x: 505, y: 700, w: 10, h: 10, dir: 'rtl' }, // in the margin, 25 points right of the text
      ...line(words, 700, 480),
      ...line(words, 686, 480),
      ...line(['وحدها'], 672, 480),
    ];
    expect(pageText(items)).toBe(`١- ${words.join(' ')} ${words.join(' ')} وحدها`);
  });

  test('running heads, job numbers and page numbers are left out; a paragraph cut by a page break is joined', () => {
    const words = ['يواصل', 'المكتب', 'تقديم', 'المساعدة', 'التقنية', 'إلى', 'الدول', 'الأعضاء', 'بناء', 'على', 'طلبها'];
    const page = (n: number, body: TextItem[]) => [
      ...(n > 1 ? line(['CTOC/COP/2013/4'], 800) : []),
      ...body,
      ...line(['V.13-8765' + n], 60, 480),
      ...line([String(n)], 40, 300),
    ];
    const pages = [
      page(1, [...line(['تقرير', 'الأمانة'], 760), ...line(words, 720), ...line(words, 706)]),
      page(2, [...line(words, 760), ...line(['انتهى', 'النص'], 746)]),
      page(3, [...line(['٢-', 'فقرة', 'أخرى'], 760)]),
    ];
    expect(documentText(pages)).toBe(`تقرير الأمانة\n\n${words.join(' ')} ${words.join(' ')} ${words.join(' ')} انتهى النص\n\n٢- فقرة أخرى`);
  });

  test('a wide vertical gap separates paragraphs with a blank line', () => {
    const text = pageText([...line(['الفقرة', 'الأولى'], 700), ...line(['الفقرة', 'الثانية'], 660)]);
    expect(text).toBe('الفقرة الأولى\n\nالفقرة الثانية');
  });
});
