/**
 * The four operations users do most, as our GraphQL, as the equivalent @neo4j/graphql query, and
 * (through the round trips recorded while our API serves them) as the raw Cypher floor.
 * Queries over relation types are generated from the model, never listed by hand.
 */
import { luceneQuery } from '../../src/api/services/search';
import { relationFields } from './neo4j-graphql';

export type OpName = 'search' | 'entity2' | 'entity2ids' | 'entities' | 'neighbourhood';

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

/** Every relation field of @neo4j/graphql's Entity (both directions), as connection selections. */
function theirRelations(inner: (depth: number) => string, depth: number): string {
  return relationFields()
    .map(([field]) => `${field}Connection { edges { properties { evidence document paragraph confidence } node { id name kind ${inner(depth + 1)} } } }`)
    .join('\n');
}

/** The typed 2-level form for @neo4j/graphql (kept to show why it is not the measured one). */
export function typedEntity2Query(): string {
  return `query Entity2($id: ID!) {
  entities(where: { id: { eq: $id } }) { id name kind ${theirRelations((d) => (d <= 2 ? theirRelations(() => '', d) : ''), 1)} }
}`;
}

/** Relations per entity and level in the 2-level queries: a page, as a client shows it (hubs have thousands). */
export const RELATIONS_PAGE = 20;

export function operations(t: Targets): Operation[] {
  const n = RELATIONS_PAGE;
  // The nearest @neo4j/graphql form of the three entity-centred operations: the `neighbours`
  // @cypher field two levels deep, a page of n per entity.
  const theirNeighbours2 = (operation: string): GraphqlRequest => ({
    query: `query ${operation}($id: ID!) {
  entities(where: { id: { eq: $id } }) { id name kind neighbours(first: ${n}) { id name kind neighbours(first: ${n}) { id name kind } } }
}`,
    variables: { id: t.entityId },
  });
  // Ours tries the words as typed first (they are found here: search keys also hold the names
  // without proclitics) and the typo-tolerant query only when they find nothing: theirs gets the
  // query that answers.
  const lucene = luceneQuery(t.searchText, false);
  if (!lucene) throw new Error(`search text "${t.searchText}" has no word to search`);
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
    },
    {
      name: 'entity2',
      label: `entity + relations, 2 levels (first ${n} per entity)`,
      ours: {
        query: `query Entity2($id: ID!) {
  entity(id: $id) {
    id name kind
    relations(first: ${n}) {
      type direction evidence documentId paragraph confidence
      entity { id name kind relations(first: ${n}) { type direction evidence documentId paragraph confidence entity { id name kind } } }
    }
  }
}`,
        variables: { id: t.entityId },
      },
      theirs: theirNeighbours2('Entity2'),
      theirsNote:
        'no field for "all relations of any type": the natural typed form (one connection field per relation type and direction, 38 per level, ' +
        'so 38 + 38×38 sub-selections; `typedEntity2Query()`) produced one Cypher statement that Neo4j was still planning after 2 min 46 s, ' +
        'so the measured form is a `@cypher` field `neighbours` (one row per relation, either direction), 2 levels: it returns the entities ' +
        'but not the relation type, direction or evidence that ours returns (a lighter response).',
    },
    {
      // The same information as @neo4j/graphql's @cypher form returns: related entities only.
      name: 'entity2ids',
      label: `entity + related entities, 2 levels (first ${n}), no relation details (same selection as theirs)`,
      ours: {
        query: `query Entity2ids($id: ID!) {
  entity(id: $id) { id name kind relations(first: ${n}) { entity { id name kind relations(first: ${n}) { entity { id name kind } } } } }
}`,
        variables: { id: t.entityId },
      },
      theirs: theirNeighbours2('Entity2ids'),
      theirsNote: 'the `neighbours` @cypher field, 2 levels; ours still fetches whole relation rows (evidence included) from Neo4j but serialises only the entities.',
    },
    {
      name: 'entities',
      label: `entities page 2 (${t.pageSize}, by name, totalCount)`,
      ours: { query: ENTITY_PAGE_OURS, variables: { first: t.pageSize, after: t.ourAfter } },
      theirs: { query: ENTITY_PAGE_THEIRS, variables: { first: t.pageSize, after: t.theirAfter } },
      theirsNote: 'entitiesConnection sorted by name then id; its cursor is an offset, ours a keyset.',
    },
    {
      name: 'neighbourhood',
      label: 'neighbourhood depth 2 (limit 100)',
      ours: {
        query: `query Hood($id: ID!) {
  neighbourhood(ids: [$id], depth: 2, limit: 100) {
    truncated
    nodes { id label kind category }
    edges { id source target type }
  }
}`,
        variables: { id: t.entityId },
      },
      theirs: theirNeighbours2('Hood'),
      theirsNote:
        'no breadth-first subgraph with a node limit and the edges among the nodes: the nearest expression is the `neighbours` @cypher field ' +
        'two levels deep (same query as its 2-level one, first ' + n + ' per entity; no overall node limit, the client de-duplicates nodes and gets no edges between level-2 nodes).',
    },
  ];
}
