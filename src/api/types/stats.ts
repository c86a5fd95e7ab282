import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { KIND_NAMES, RELATION_TYPES } from '../../model';
import { Entity } from './entity';
import { Kind, RelationType } from './enums';

@ObjectType('KindCount', { description: 'Number of entities of one kind.' })
export class KindCount {
  @Field(() => Kind, { description: 'The kind.' })
  kind!: string;

  @Field(() => Int, { description: 'Number of entities of that kind.' })
  count!: number;
}

@ObjectType('RelationCount', { description: 'Number of typed relations of one type.' })
export class RelationCount {
  @Field(() => RelationType, { description: 'The relation type.' })
  type!: string;

  @Field(() => Int, { description: 'Number of relations of that type.' })
  count!: number;
}

@ObjectType('ConnectedEntity', { description: 'An entity with its number of typed relations.' })
export class ConnectedEntity {
  @Field(() => Entity, { description: 'The entity.' })
  entity!: unknown;

  @Field(() => Int, { description: 'Number of typed relations (either direction).' })
  degree!: number;
}

@ObjectType('Stats', { description: 'Size and shape of the graph.' })
export class Stats {
  @Field(() => Int, { description: 'Number of entities of all kinds (documents included).' })
  entities!: number;

  @Field(() => Int, { description: 'Number of typed relations.' })
  relations!: number;

  @Field(() => Int, { description: 'Number of mentions (provenance links from documents to entities, each counted once per occurrence).' })
  mentions!: number;

  // One item per kind of the model: the cost analysis counts that many (src/api/guard/rules.ts).
  @Extensions({ listSize: KIND_NAMES.length })
  @Field(() => [KindCount], { description: 'Entities per kind (every kind of the model, zero included).' })
  byKind!: KindCount[];

  @Extensions({ listSize: RELATION_TYPES.length })
  @Field(() => [RelationCount], { description: 'Typed relations per type (every type of the model, zero included).' })
  byRelationType!: RelationCount[];

  @Field(() => [ConnectedEntity], { description: 'The entities with the most typed relations, most connected first.' })
  mostConnected!: ConnectedEntity[];
}
