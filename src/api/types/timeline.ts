import { Field, ObjectType } from 'type-graphql';
import { Entity } from './entity';
import { Kind } from './enums';

@ObjectType('TimelineEvent', { description: 'A dated meeting or document.' })
export class TimelineEvent {
  @Field(() => String, { description: 'ISO date (as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD).' })
  date!: string;

  @Field(() => Kind, { description: 'Kind of the dated entity (Meeting or Document).' })
  kind!: string;

  @Field(() => Entity, { description: 'The meeting or document.' })
  entity!: unknown;
}
