/**
 * The operations users do most, as our GraphQL, as the equivalent @neo4j/graphql query, and
 * (through the statements recorded while our API serves them) as the raw Cypher floor; plus a
 * depth-3 probe for the round-trip target. Same data, same selection for both products where
 * @neo4j/graphql can express it. Queries over relation types are generated from the model.
 */
import { luceneQuery } from '../../src/api/services/search';
import { relationFields } from './neo4j-graphql';

export type OpName = 'search' | 'entity2' | 'entity2ids' | 'entity3' | 'entities' | 'neighbourhood';

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Operation {
  name: OpName;
  label: string;
  ours: GraphqlRequest;
  theirs: GraphqlRequest;
  /** How theirs differs (what @neo4j/graphql cannot express). */
  theirsNote: string;
  /** Nesting of relation fields in the selection (the round-trip target is for depth <= 3). */
  depth: number;
  /** Measured under load; false: a probe whose round trips and answers are checked only. */
  timed: boolean;
  /** Starts from Targets.entityId (the scale section runs it from a hub and a typical entity). */
  entityCentred: boolean;
}

export interface Targets {
  /** The entity the 2-level and neighbourhood queries start from. */
  entityId: string;
  searchText: string;
  pageSize: number;
  /** Cursor of the end of page 1 in our API / in theirs (the list benchmark fetches page 2). */
  ourAfter: string | null;
  theirAfter: string | null;
}

const ENTITY_PAGE_OURS = `query Page($first: Int!, $after: String) {
  entities(first: $first, after: $after, orderBy: { field: NAME }) {
    totalCount
    edges { cursor node { id name kind category } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ENTITY_PAGE_THEIRS = `query Page($first: Int!, $after: String) {
  entitiesConnection(first: $first, after: $after, sort: [{ name: ASC }, { id: ASC }]) {
    totalCount
    edges { cursor node { id name kind category } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export function pageQueries(): { ours: string; theirs: string } {
  return { ours: ENTITY_PAGE_OURS, theirs: ENTITY_PAGE_THEIRS };
}


/** A relation as both products return it (issue 11): the fact, its weight and its best evidence. */
const RELATION_FIELDS = 'type direction count confidence evidence(first: 1) { text documentId paragraph confidence }';

/** Every typed relation field of @neo4j/graphql's Entity (both directions), as connection selections. */
function theirRelations(inner: (depth: number) => string, depth: number): string {
  return relationFields()
    .map(([field]) => `${field}Connection { edges { properties { count confidence evAt evStart evEnd evText evDocument evParagraph evConfidence } node { id name kind ${inner(depth + 1)} } } }`)
    .join('\n');
}

/** The typed 2-level form for @neo4j/graphql (kept to show why it is not the measured one). */
export function typedEntity2Query(): string {
  return `query Entity2($id: ID!) {
  entities(where: { id: { eq: $id } }) { id name kind ${theirRelations((d) => (d <= 2 ? theirRelations(() => '', d) : ''), 1)} }
}`;
}

/** Relations per entity and level in the 2-level queries: a page, as a client shows it (hubs have hundreds). */
export const RELATIONS_PAGE = 20;
/** Per entity and level in the depth-3 probe (10 + 100 + 1,000 relations at most). */
export const DEPTH3_PAGE = 10;

/**
 * `levels` nested relation selections of `page` each, the same text for both products: ours is
 * `relations(first:)` on Entity, theirs the `relations(first:)` @cypher field of the same name and
 * fields (bench/lib/neo4j-graphql.ts).
 */
export function relationLevels(levels: number, page: number, fields = RELATION_FIELDS, entity = 'id name kind'): string {
  if (levels === 0) return '';
  return `relations(first: ${page}) { ${fields} entity { ${entity} ${relationLevels(levels - 1, page, fields, entity)} } }`;
}

export function operations(t: Targets): Operation[] {
  const n = RELATIONS_PAGE;
  const ours = (name: string, selection: string): GraphqlRequest => ({
    query: `query ${name}($id: ID!) {\n  entity(id: $id) { id name kind ${selection} }\n}`,
    variables: { id: t.entityId },
  });
  const theirs = (name: string, selection: string): GraphqlRequest => ({
    query: `query ${name}($id: ID!) {\n  entities(where: { id: { eq: $id } }) { id name kind ${selection} }\n}`,
    variables: { id: t.entityId },
  });
  const neighbours2 = `neighbours(first: ${n}) { id name kind neighbours(first: ${n}) { id name kind } }`;
  // Ours tries the words as typed first (they are found here: search keys also hold the names
  // without proclitics) and the typo-tolerant query only when they find nothing: theirs gets the
  // query that answers.
  const lucene = luceneQuery(t.searchText, false);
  if (!lucene) throw new Error(`search text "${t.searchText}" has no word to search`);
  const sameRelations =
    'the `relations(first:)` @cypher field (same order as ours: count descending, then name, then id), whose `RelationView` returns the same fields from the same ' +
    'stored relationship (type, direction, count, best confidence, `evidence(first:)` read as ours reads it: the stored best entry `evBest` for `first: 1`, else sliced from the evidence lists) and whose `entity` nests again: the same query text as ours ' +
    'below the root. The natural typed form (one connection field per relation type and direction, 38 per level, so 38 + 38×38 sub-selections; ' +
    '`typedEntity2Query()`) produced one Cypher statement that Neo4j was still planning after 2 min 46 s (issue 5).';
  return [
    {
      name: 'search',
      label: 'search (full-text, 10 hits)',
      ours: {
        query: `query Search($text: String!) { search(text: $text, first: 10) { score entity { id name kind } } }`,
        variables: { text: t.searchText },
      },
      theirs: {
        // Same Lucene query as ours (@fulltext takes a raw Lucene phrase); no exact-name boost, no kind filter.
        query: `query Search($phrase: String!) { searchEntities(phrase: $phrase, first: 10) { edges { score node { id name kind } } } }`,
        variables: { phrase: lucene.lucene },
      },
      theirsNote:
        '@fulltext over the same index with the same Lucene query; it cannot add our exact-name/acronym boost, normalise the text or fall back to typo tolerance (the bench passes it the Lucene string ours answers this text with: the words as typed).',
      depth: 0,
      timed: true,
      entityCentred: false,
    },
    {
      name: 'entity2',
      label: `entity + relations, 2 levels (first ${n} per entity, best evidence of each)`,
      ours: ours('Entity2', relationLevels(2, n)),
      theirs: theirs('Entity2', relationLevels(2, n)),
      theirsNote: sameRelations,
      depth: 2,
      timed: true,
      entityCentred: true,
    },
    {
      name: 'entity2ids',
      label: `entity + related entities, 2 levels (first ${n}), no relation details`,
      ours: ours('Entity2ids', relationLevels(2, n, '')),
      theirs: theirs('Entity2ids', neighbours2),
      theirsNote: 'the `neighbours(first:)` @cypher field (related entities only, same order), 2 levels: the lightest form either product has.',
      depth: 2,
      timed: true,
      entityCentred: true,
    },
    {
      name: 'entity3',
      label: `entity + relations, 3 levels (first ${DEPTH3_PAGE} per entity): round-trip probe, not timed`,
      ours: ours('Entity3', relationLevels(3, DEPTH3_PAGE)),
      theirs: theirs('Entity3', relationLevels(3, DEPTH3_PAGE)),
      theirsNote: 'the `relations(first:)` @cypher field, 3 levels.',
      depth: 3,
      timed: false,
      entityCentred: true,
    },
    {
      name: 'entities',
      label: `entities page 2 (${t.pageSize}, by name, totalCount)`,
      ours: { query: ENTITY_PAGE_OURS, variables: { first: t.pageSize, after: t.ourAfter } },
      theirs: { query: ENTITY_PAGE_THEIRS, variables: { first: t.pageSize, after: t.theirAfter } },
      theirsNote: 'entitiesConnection sorted by name then id; its cursor is an offset, ours a keyset.',
      depth: 0,
      timed: true,
      entityCentred: false,
    },
    {
      name: 'neighbourhood',
      label: 'neighbourhood depth 2 (limit 100)',
      ours: {
        query: `query Hood($id: ID!) {
  neighbourhood(ids: [$id], depth: 2, limit: 100) {
    truncated
    nodes { id label kind category }
    edges { id source target type weight }
  }
}`,
        variables: { id: t.entityId },
      },
      theirs: theirs('Hood', relationLevels(2, n, 'type direction count', 'id name kind category')),
      theirsNote:
        'no breadth-first subgraph with a node limit and the edges among the nodes: the nearest expression is the `relations(first:)` @cypher field ' +
        `two levels deep, type, direction and count (the weight) of each relation, first ${n} per entity (no overall node limit; the client de-duplicates ` +
        'nodes and gets no edges between level-2 nodes).',
      depth: 2,
      timed: true,
      entityCentred: true,
    },
  ];
}
