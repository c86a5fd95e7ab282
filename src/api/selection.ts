/**
 * What a field's selection asks for, so that a resolver can answer from the summary it already
 * has instead of loading whole entities (relation rows carry the other end's summary only).
 */
import { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { RELATIONS } from '../model';

/** Entity fields a summary answers: the summary's properties, and fields resolved from the id. */
export const SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  '__typename', 'id', 'kind', 'name', 'nameAr', 'nameEn', 'acronym', 'category',
  'relations', 'mentions', 'mentionCount',
  ...RELATIONS.flatMap((r) => [r.field, r.inverse]),
]);

function only(set: SelectionSetNode | undefined, allowed: ReadonlySet<string>, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  if (!set) return true;
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      if (!allowed.has(s.name.value)) return false;
    } else if (s.kind === 'InlineFragment') {
      if (!only(s.selectionSet, allowed, fragments, seen)) return false;
    } else {
      const name = s.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      if (!only(fragments[name]?.selectionSet, allowed, fragments, seen)) return false;
    }
  }
  return true;
}

/** True when every field selected under this field (fragments included) is in `allowed`. */
export function selectsOnly(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, allowed: ReadonlySet<string>): boolean {
  return info.fieldNodes.every((n) => only(n.selectionSet, allowed, info.fragments, new Set()));
}
