import { Field, ID, InputType } from 'type-graphql';
import { Category, EntityOrderField } from './enums';

@InputType('EntityFilter', { description: 'Conditions an entity must meet (all given conditions together).' })
export class EntityFilter {
  @Field(() => Category, { nullable: true, description: 'Only entities of this category.' })
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only entities whose name, alias or acronym contains this text (Arabic normalised, case-insensitive).',
  })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only entities mentioned in this document (document id).' })
  mentionedIn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only entities dated on or after this ISO date (YYYY, YYYY-MM or YYYY-MM-DD): meetings by start date, documents by date.',
  })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entities dated on or before this ISO date.' })
  to?: string | null;
}

@InputType('EntityOrder', { description: 'How to order an entities connection.' })
export class EntityOrder {
  @Field(() => EntityOrderField, { description: 'The key to order by (ties broken by id).' })
  field!: EntityOrderField;
}
