/**
 * Queries preloaded as playground tabs, in Arabic and English. tests/integration/web.test.ts
 * validates each against the live schema and runs it on the seeded graph, so they stay working.
 */
import type { ExampleQuery } from './config';

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: 'بحث بالعربية: يونيسيف (Arabic search: UNICEF)',
    query: `query SearchArabic {
  search(text: "يونيسيف", first: 5) {
    score
    entity { id kind name nameEn acronym category }
  }
}`,
  },
  {
    title: 'Search in English: UNODC',
    query: `query SearchEnglish($text: String!) {
  search(text: $text, first: 5) {
    score
    entity { id kind name nameEn acronym }
  }
}`,
    variables: { text: 'UNODC' },
  },
  {
    title: 'كيان وعلاقاته (an entity with its relations and evidence)',
    query: `query EntityWithRelations($id: ID!) {
  entity(id: $id) {
    id kind name nameEn acronym category
    relations(first: 20) {
      type direction count documentCount confidence
      entity { id kind name }
      evidence(first: 2) { text documentId paragraph confidence }
    }
    mentions { text paragraph }
  }
}`,
    variables: { id: 'agency:unodc' },
  },
  {
    title: 'الجوار (neighbourhood, ready for a drawing library)',
    query: `query Neighbourhood($ids: [ID!]!) {
  neighbourhood(ids: $ids, depth: 1, limit: 50) {
    nodes { id label kind category }
    edges { id source target type weight confidence evidence }
    truncated
  }
}`,
    variables: { ids: ['agency:unodc'] },
  },
];
