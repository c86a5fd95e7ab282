import { FieldNode, FragmentDefinitionNode, OperationDefinitionNode, parse } from 'graphql';
import { ENDS_ONLY, entityProjection, largestArg, projectionParts, selectsAny, selectsAnyUnder, selectsOnly, selectsOnlyUnder, SUMMARY_FIELDS, unionProjection, WHOLE_NODE } from '../../../src/api/selection';
import { evidencePage } from '../../../src/api/services/relations';

/** The `entity` field of `{ r { entity {...} } }` as a resolver's info sees it. */
function infoFor(query: string) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const r = op.selectionSet.selections[0] as FieldNode;
  const entity = r.selectionSet!.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [entity], fragments };
}

describe('selectsOnly (answer from the summary or load the entity)', () => {
  test('names, kind, category and fields resolved from the id are answered by the summary', () => {
    expect(selectsOnly(infoFor('{ r { entity { __typename id name nameEn kind category relations(first: 2) { type } mentionCount } } }'), SUMMARY_FIELDS)).toBe(true);
    expect(selectsOnly(infoFor('{ r { entity { ... on Agency { administers { type } } } } }'), SUMMARY_FIELDS)).toBe(true);
  });

  test('any other property, also inside inline fragments or named fragments, needs the whole entity', () => {
    expect(selectsOnly(infoFor('{ r { entity { id aliases } } }'), SUMMARY_FIELDS)).toBe(false);
    expect(selectsOnly(infoFor('{ r { entity { id ... on Document { symbol } } } }'), SUMMARY_FIELDS)).toBe(false);
    expect(selectsOnly(infoFor('{ r { entity { ...F } } } fragment F on Meeting { name startDate }'), SUMMARY_FIELDS)).toBe(false);
    expect(selectsOnly(infoFor('{ r { entity { ...F } } } fragment F on Entity { id name }'), SUMMARY_FIELDS)).toBe(true);
  });
});

describe('selectsOnlyUnder (search hits read only the summary of their entity when that answers)', () => {
  /** The `search` field of `{ search { ... } }` as its resolver's info sees it. */
  const searchInfo = (query: string) => {
    const doc = parse(query);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const fragments = Object.fromEntries(
      doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
    );
    return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
  };

  test('summary fields under every alias of `entity` (or no entity at all): the summary', () => {
    expect(selectsOnlyUnder(searchInfo('{ search { score entity { id name kind } } }'), 'entity', SUMMARY_FIELDS)).toBe(true);
    expect(selectsOnlyUnder(searchInfo('{ search { score } }'), 'entity', SUMMARY_FIELDS)).toBe(true);
    expect(selectsOnlyUnder(searchInfo('{ search { ...H } } fragment H on SearchHit { a: entity { id mentionCount } }'), 'entity', SUMMARY_FIELDS)).toBe(true);
  });

  test('any other field under any alias of `entity`, fragments included: the whole entity', () => {
    expect(selectsOnlyUnder(searchInfo('{ search { entity { id aliases } } }'), 'entity', SUMMARY_FIELDS)).toBe(false);
    expect(selectsOnlyUnder(searchInfo('{ search { a: entity { id } b: entity { ... on Document { title } } } }'), 'entity', SUMMARY_FIELDS)).toBe(false);
    expect(selectsOnlyUnder(searchInfo('{ search { ...H } } fragment H on SearchHit { entity { ...E } } fragment E on Meeting { startDate }'), 'entity', SUMMARY_FIELDS)).toBe(false);
  });
});

/** The `relations` field of `{ e { relations {...} } }` as its resolver's info sees it. */
function relationsInfo(query: string, variableValues: Record<string, unknown> = {}) {
  const { fieldNodes, fragments } = infoFor(query);
  return { fieldNodes, fragments, variableValues };
}

describe('largestArg (the evidence page a relation list reads once for all its items)', () => {
  test('the largest `first` among the evidence fields selected, fragments, aliases and variables included', () => {
    expect(largestArg(relationsInfo('{ e { relations { type evidence(first: 2) { text } } } }'), 'evidence', 'first', 3)).toBe(2);
    expect(largestArg(relationsInfo('{ e { relations { a: evidence(first: 1) { text } b: evidence(first: 7) { text } } } }'), 'evidence', 'first', 3)).toBe(7);
    expect(largestArg(relationsInfo('{ e { relations { ...R } } } fragment R on Relation { evidence(first: $n) { text } }', { n: 9 }), 'evidence', 'first', 3)).toBe(9);
    expect(largestArg(relationsInfo('{ e { relations { ... on Relation { evidence { text } } } } }'), 'evidence', 'first', 3)).toBe(3);
  });

  test('null when no evidence is selected (nothing to read), and only direct children count', () => {
    expect(largestArg(relationsInfo('{ e { relations { type count } } }'), 'evidence', 'first', 3)).toBeNull();
    expect(largestArg(relationsInfo('{ e { relations { entity { relations { evidence(first: 9) { text } } } } } }'), 'evidence', 'first', 3)).toBeNull();
    expect(selectsAny(relationsInfo('{ e { relations { documentId } } }'), ['documentId', 'paragraph'])).toBe(true);
    expect(selectsAny(relationsInfo('{ e { relations { entity { id } } } }'), ['documentId', 'paragraph'])).toBe(false);
  });
});

describe('evidencePage (entries per relation the loader reads)', () => {
  test('none when no evidence is selected, one for the deprecated best-entry fields, else the largest page asked', () => {
    expect(evidencePage(relationsInfo('{ e { relations { type count entity { id } } } }'))).toBe(0);
    expect(evidencePage(relationsInfo('{ e { relations { documentId } } }'))).toBe(1);
    expect(evidencePage(relationsInfo('{ e { relations { paragraph evidence(first: 0) { text } } } }'))).toBe(1);
    expect(evidencePage(relationsInfo('{ e { relations { evidence { text } x: evidence(first: 8) { text } } } }'))).toBe(8);
    expect(evidencePage()).toBe(3);
  });

  test('a page above the maximum is refused with what to ask instead', () => {
    expect(() => evidencePage(relationsInfo('{ e { relations { evidence(first: 101) { text } } } }'))).toThrow(/from 0 to 100/);
  });
});

describe('selectsAnyUnder (does a neighbourhood read the evidence of its edges)', () => {
  const DETAILS = ['evidence', 'document', 'paragraph', 'confidence'];
  test('a detail field under `edges`, through aliases and fragments, is seen', () => {
    expect(selectsAnyUnder(infoFor('{ q { hood { edges { id evidence } } } }'), 'edges', DETAILS)).toBe(true);
    expect(selectsAnyUnder(infoFor('{ q { hood { nodes { id } e: edges { c: confidence } } } }'), 'edges', DETAILS)).toBe(true);
    expect(selectsAnyUnder(infoFor('{ q { hood { ...H } } } fragment H on Subgraph { edges { ... on GraphEdge { document } } }'), 'edges', DETAILS)).toBe(true);
  });
  test('edges without detail fields, or the names elsewhere, are not', () => {
    expect(selectsAnyUnder(infoFor('{ q { hood { edges { id source target type weight } } } }'), 'edges', DETAILS)).toBe(false);
    expect(selectsAnyUnder(infoFor('{ q { hood { nodes { id } evidence: truncated } } }'), 'edges', DETAILS)).toBe(false);
  });
});

describe('entityProjection (what a relation list\'s rows carry of the other end: part of the loader key)', () => {
  test('id and kind always; each summary field adds the properties it reads (name its fallbacks)', () => {
    expect(entityProjection(relationsInfo('{ e { relations { type } } }'))).toBe('id,kind');
    expect(entityProjection(relationsInfo('{ e { relations { type entity { id relations(first: 2) { type } } } } }'))).toBe('id,kind');
    expect(entityProjection(relationsInfo('{ e { relations { type entity { id name kind } } } }'))).toBe('id,kind,name');
    expect(entityProjection(relationsInfo('{ e { relations { count entity { acronym mentionCount } } } }'))).toBe('acronym,id,kind,mentionCount');
  });

  test('every alias of entity and every fragment counts; beyond the summary it is the whole node', () => {
    expect(entityProjection(relationsInfo('{ e { relations { direction a: entity { id } b: entity { category } } } }'))).toBe('category,id,kind');
    expect(entityProjection(relationsInfo('{ e { relations { confidence entity { ...F ... on Agency { nameEn } } } } } fragment F on Entity { acronym }'))).toBe('acronym,id,kind,nameEn');
    expect(entityProjection(relationsInfo('{ e { relations { evidence { text } entity { id } x: entity { aliases } } } }'))).toBe(WHOLE_NODE);
  });

  test('a list selecting nothing of the relations but their other end is marked ENDS_ONLY (its rows carry the end alone)', () => {
    expect(entityProjection(relationsInfo('{ e { relations { entity { id name kind } } } }'))).toBe(`${ENDS_ONLY}id,kind,name`);
    expect(entityProjection(relationsInfo('{ e { relations { __typename a: entity { id } b: entity { aliases } } } }'))).toBe(`${ENDS_ONLY}${WHOLE_NODE}`);
    expect(entityProjection(relationsInfo('{ e { relations { ...R } } } fragment R on Relation { entity { id } }'))).toBe(`${ENDS_ONLY}id,kind`);
    // Any field of the relation itself, directly or through a fragment, needs the whole row.
    for (const f of ['type', 'direction', 'count', 'documentCount', 'confidence', 'evidence { text }', 'documentId', 'paragraph', 'document { id }']) {
      expect(entityProjection(relationsInfo(`{ e { relations { entity { id } ${f} } } }`))).toBe('id,kind');
    }
    expect(entityProjection(relationsInfo('{ e { relations { entity { id } ...R } } } fragment R on Relation { count }'))).toBe('id,kind');
    expect(projectionParts(`${ENDS_ONLY}id,kind`)).toEqual({ endsOnly: true, end: 'id,kind' });
    expect(projectionParts('id,kind')).toEqual({ endsOnly: false, end: 'id,kind' });
  });

  test('a union holds both: the relation\'s fields when either asks them', () => {
    expect(unionProjection('id,kind', 'acronym,id,kind')).toBe('acronym,id,kind');
    expect(unionProjection('id,kind', WHOLE_NODE)).toBe(WHOLE_NODE);
    expect(unionProjection(`${ENDS_ONLY}id,kind`, `${ENDS_ONLY}acronym,id,kind`)).toBe(`${ENDS_ONLY}acronym,id,kind`);
    expect(unionProjection(`${ENDS_ONLY}id,kind`, 'id,kind,name')).toBe('id,kind,name');
    expect(unionProjection(`${ENDS_ONLY}${WHOLE_NODE}`, 'id,kind')).toBe(WHOLE_NODE);
  });
});
