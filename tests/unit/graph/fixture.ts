/** A hand-made ExtractedDocument over a small Arabic text, with offsets computed from the text. */
import type { ExtractedDocument, ExtractedEntity, Mention } from '../../../src/extract/types';
import { lineParagraphs } from '../../helpers/lines';

export const FIXTURE_TEXT = [
  'تقرير مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
  '1- يدير مكتب الأمم المتحدة المعني بالمخدرات والجريمة صندوق الأمم المتحدة الاستئماني لضحايا الاتجار بالأشخاص.',
  '2- وقد صدّقت المغرب على بروتوكول منع الاتجار بالأشخاص، وشارك المكتب في مؤتمر فيينا.',
].join('\n');

function mentionsOf(text: string, surface: string, paragraphOf: (start: number) => string | null): Mention[] {
  const out: Mention[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    out.push({ text: surface, start: i, end: i + surface.length, paragraph: paragraphOf(i) });
  }
  return out;
}

export function fixtureDocument(text = FIXTURE_TEXT, file = 'fixture.txt'): ExtractedDocument {
  const lines = text.split('\n');
  const paragraphs = lineParagraphs(lines);
  const paragraphOf = (start: number) => paragraphs.find((p) => p.start <= start && start < p.end)?.number ?? null;
  const entity = (e: Omit<ExtractedEntity, 'mentions' | 'aliases' | 'properties'> & Partial<ExtractedEntity>, surfaces: string[]): ExtractedEntity => ({
    aliases: [],
    properties: {},
    ...e,
    mentions: surfaces.flatMap((s) => mentionsOf(text, s, paragraphOf)),
  });
  return {
    file,
    document: {
      symbol: null, date: '2009-02-06', title: 'تقرير مكتب الأمم المتحدة', body: 'Human Rights Council', language: 'ar',
      originalLanguage: 'en', session: '10', agendaItem: '2', subjects: ['TRAFFICKING IN PERSONS'],
    },
    entities: [
      entity({ id: 'agency:unodc', type: 'Agency', category: 'UN_ENTITY', name: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة', nameAr: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة', nameEn: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', aliases: ['المكتب'] }, ['مكتب الأمم المتحدة المعني بالمخدرات والجريمة', 'المكتب']),
      entity({ id: 'programme:un-trust-fund-victims', type: 'Programme', category: 'FUND', name: 'صندوق الأمم المتحدة الاستئماني لضحايا الاتجار بالأشخاص', nameAr: null, nameEn: 'UN Voluntary Trust Fund for Victims of Trafficking', acronym: null }, ['صندوق الأمم المتحدة الاستئماني لضحايا الاتجار بالأشخاص']),
      entity({ id: 'country:ma', type: 'Country', category: null, name: 'المغرب', nameAr: 'المغرب', nameEn: 'Morocco', acronym: null, properties: { iso2: 'MA', bogus: 'x' } }, ['المغرب']),
      entity({ id: 'instrument:trafficking-protocol', type: 'Instrument', category: 'PROTOCOL', name: 'بروتوكول منع الاتجار بالأشخاص', nameAr: null, nameEn: 'Trafficking in Persons Protocol', acronym: null, properties: { year: '2000', number: null } }, ['بروتوكول منع الاتجار بالأشخاص']),
      entity({ id: 'meeting:vienna-conference', type: 'Meeting', category: 'CONFERENCE', name: 'مؤتمر فيينا', nameAr: null, nameEn: null, acronym: null, properties: { place: 'Vienna' } }, ['مؤتمر فيينا']),
    ],
    relations: [
      { type: 'ADMINISTERS', from: 'agency:unodc', to: 'programme:un-trust-fund-victims', evidence: lines[1], paragraph: '1', confidence: 0.9 },
      { type: 'RATIFIED', from: 'country:ma', to: 'instrument:trafficking-protocol', evidence: lines[2], paragraph: '2', confidence: 0.8 },
      { type: 'PARTICIPATED_IN', from: 'agency:unodc', to: 'meeting:vienna-conference', evidence: lines[2], paragraph: '2', confidence: 0.7 },
    ],
    cooccurrences: [
      { a: 'agency:unodc', b: 'programme:un-trust-fund-victims', paragraph: '1' },
      { a: 'country:ma', b: 'instrument:trafficking-protocol', paragraph: '2' },
      { a: 'agency:unodc', b: 'country:ma', paragraph: '2' },
      { a: 'meeting:vienna-conference', b: 'agency:unodc', paragraph: '2' },
    ],
    paragraphs,
  };
}
