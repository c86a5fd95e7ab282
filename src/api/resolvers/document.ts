import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { prefetchBelow } from '../compile';
import type { ApiContext } from '../context';
import { charge } from '../guard/budget';
import { documentById, entitiesInDocument, paragraphsOf } from '../services/documents';
import { PAGES, pageDoc } from '../services/pages';
import { entityPage } from '../services/entities';
import { DocumentConnection } from '../types/connection';
import { DocumentEntity } from '../types/document-entity';
import { EntityOrderField, Kind } from '../types/enums';
import { kindClass } from '../types/kinds';
import { Paragraph } from '../types/paragraph';
import type { EntityValue } from '../values';

@Resolver(() => kindClass('Document'))
export class DocumentResolver {
  @Query(() => kindClass('Document'), { nullable: true, description: 'One document by id (e.g. `document:a-hrc-10-64`); null when unknown.' })
  async document(@Arg('id', () => ID, { description: 'Document id.' }) id: string, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    // Relation fields below (cites, issuedBy ...): one compiled statement reads them all.
    await prefetchBelow(ctx, info, [id], [[]]);
    return documentById(ctx, id);
  }

  @Query(() => DocumentConnection, { description: 'Documents (ingested and cited), oldest first, as a cursor connection.' })
  documents(
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (at most 200).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor).' }) after: string | null,
    @Arg('ingestedOnly', () => Boolean, { defaultValue: false, description: 'Only documents ingested with their full text.' }) ingestedOnly: boolean,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return entityPage(ctx.db, { kind: 'Document', order: EntityOrderField.DATE, first, after, ingestedOnly }).then(async (page) => {
      await prefetchBelow(ctx, info, page.nodes.map((n) => n.id), [['nodes'], ['edges', 'node']]);
      return charge(ctx, page);
    });
  }

  @FieldResolver(() => [Paragraph], { description: 'Paragraphs of an ingested document in order (empty for documents only cited), a page at a time.' })
  paragraphs(
    @Root() d: EntityValue,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGES.paragraphs.dflt, description: pageDoc('paragraphs', PAGES.paragraphs) }) first: number | null,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0, description: 'Start at this paragraph ordinal (0: the first); with `first`, pages through long documents.' }) offset: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return paragraphsOf(ctx, d.id, first, offset);
  }

  @FieldResolver(() => [DocumentEntity], { description: 'The entities this document names, most mentioned first.' })
  entities(
    @Root() d: EntityValue,
    @Arg('kinds', () => [Kind], { nullable: true, description: 'Only these kinds.' }) kinds: string[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGES.documentEntities.dflt, description: pageDoc('entities', PAGES.documentEntities) }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return entitiesInDocument(ctx, d.id, kinds, first);
  }
}
