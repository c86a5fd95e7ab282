import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Float, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { charge } from '../guard/budget';
import { PAGES } from '../services/pages';
import { MAX_LIMIT, neighbourhood, paths } from '../services/graph';
import { MIN_CONFIDENCE_DOC } from '../services/relations';
import { selectsAnyUnder } from '../selection';
import { Kind, RelationType } from '../types/enums';
import { Subgraph } from '../types/subgraph';

const TYPES_DOC = 'Follow only these relation types (default: all typed relations).';
const CO_DOC = 'Also follow CO_OCCURS edges (entities named in the same paragraph).';
const MENTIONS_DOC = 'Also follow MENTIONS edges (documents to the entities they name).';
/** Edge fields read from a relation's evidence lists: Neo4j reads those only when one is selected. */
const EDGE_DETAILS = ['evidence', 'document', 'paragraph', 'confidence'];

@Resolver(() => Subgraph)
export class SubgraphResolver {
  @Query(() => Subgraph, {
    description:
      'The entities around `ids` up to `depth` hops (best connected first, by the stored counts of the relations reaching them), with the edges among them (one per type and pair, with its weight), ready to draw. At most `limit` nodes and `edgeLimit` edges; `truncated` says when more were within reach.',
  })
  neighbourhood(
    @Arg('ids', () => [ID], { description: `Entities to start from: 1 to ${MAX_LIMIT} ids (more is refused; the first \`limit\` found are kept).` }) ids: string[],
    @Arg('depth', () => Int, { defaultValue: 1, description: 'Number of hops, 0 to 3.' }) depth: number,
    @Arg('relationTypes', () => [RelationType], { nullable: true, description: TYPES_DOC }) relationTypes: string[] | null,
    @Arg('kinds', () => [Kind], { nullable: true, description: 'Only reach entities of these kinds (the start entities are always included).' }) kinds: string[] | null,
    @Arg('limit', () => Int, { defaultValue: 100, description: `At most this many nodes (1 to ${MAX_LIMIT}).` }) limit: number,
    @Arg('coOccurrence', () => Boolean, { defaultValue: false, description: CO_DOC }) coOccurrence: boolean,
    @Arg('mentions', () => Boolean, { defaultValue: false, description: MENTIONS_DOC }) mentions: boolean,
    @Arg('edgeLimit', () => Int, {
      defaultValue: PAGES.edges.dflt,
      description: `At most this many edges (1 to ${PAGES.edges.max}): typed relations first, then mentions, then co-occurrences, each by weight; \`truncated\` when more existed.`,
    })
    edgeLimit: number,
    @Arg('minConfidence', () => Float, { defaultValue: 0, description: MIN_CONFIDENCE_DOC }) minConfidence: number,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const details = selectsAnyUnder(info, 'edges', EDGE_DETAILS);
    return neighbourhood(ctx.db, { ids, depth, relationTypes, kinds, limit, coOccurrence, mentions, edgeLimit, minConfidence, details }).then((g) => charge(ctx, g));
  }

  @Query(() => Subgraph, {
    description: 'The shortest paths between two entities (all of the same, shortest length), merged into one subgraph. Empty when none within maxLength.',
  })
  path(
    @Arg('from', () => ID, { description: 'Start entity id.' }) from: string,
    @Arg('to', () => ID, { description: 'End entity id.' }) to: string,
    @Arg('maxLength', () => Int, { defaultValue: 4, description: 'Longest path considered, in edges (1 to 6).' }) maxLength: number,
    @Arg('relationTypes', () => [RelationType], { nullable: true, description: TYPES_DOC }) relationTypes: string[] | null,
    @Arg('coOccurrence', () => Boolean, { defaultValue: false, description: CO_DOC }) coOccurrence: boolean,
    @Arg('mentions', () => Boolean, { defaultValue: false, description: MENTIONS_DOC }) mentions: boolean,
    @Arg('limit', () => Int, { defaultValue: 10, description: 'At most this many shortest paths (1 to 100); `truncated` when there were more.' }) limit: number,
    @Arg('minConfidence', () => Float, { defaultValue: 0, description: MIN_CONFIDENCE_DOC }) minConfidence: number,
    @Ctx() ctx: ApiContext,
  ) {
    return paths(ctx.db, { from, to, maxLength, relationTypes, coOccurrence, mentions, limit, minConfidence }).then((g) => charge(ctx, g));
  }
}
