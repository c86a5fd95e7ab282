import { Field, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity';
import { kindClass } from './registry';

@ObjectType('PageInfo', { description: 'Relay page information: pass endCursor as `after` to get the next page.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was requested with `after` (items precede it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page.' })
  endCursor!: string | null;
}

@ObjectType('EntityEdge', { description: 'An entity in a connection, with its cursor.' })
export class EntityEdge {
  @Field(() => String, { description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => Entity, { description: 'The entity.' })
  node!: unknown;
}

@ObjectType('EntityConnection', { description: 'A page of entities (Relay cursor connection).' })
export class EntityConnection {
  @Field(() => [EntityEdge], { description: 'The items of this page with their cursors.' })
  edges!: EntityEdge[];

  @Field(() => [Entity], { description: 'The items of this page (shortcut for edges.node).' })
  nodes!: unknown[];

  @Field(() => PageInfo, { description: 'Where this page is.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of items matching the query across all pages.' })
  totalCount!: number;
}

@ObjectType('DocumentEdge', { description: 'A document in a connection, with its cursor.' })
export class DocumentEdge {
  @Field(() => String, { description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => kindClass('Document'), { description: 'The document.' })
  node!: unknown;
}

@ObjectType('DocumentConnection', { description: 'A page of documents (Relay cursor connection).' })
export class DocumentConnection {
  @Field(() => [DocumentEdge], { description: 'The items of this page with their cursors.' })
  edges!: DocumentEdge[];

  @Field(() => [kindClass('Document')], { description: 'The items of this page (shortcut for edges.node).' })
  nodes!: unknown[];

  @Field(() => PageInfo, { description: 'Where this page is.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of documents matching across all pages.' })
  totalCount!: number;
}
