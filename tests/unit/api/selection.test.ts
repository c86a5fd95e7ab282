import { FieldNode, FragmentDefinitionNode, OperationDefinitionNode, parse } from 'graphql';
import { selectsOnly, SUMMARY_FIELDS } from '../../../src/api/selection';

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
