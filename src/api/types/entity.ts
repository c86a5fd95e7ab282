import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { Category, Kind } from './enums';
import { Mention } from './mention';
import { Relation } from './relation';

/** The GraphQL type of an entity value: its kind (src/api/lean.ts installs it unwrapped). */
export function entityTypeOf(value: { kind: string }): string {
  return value.kind;
}

/** What every entity node carries (the common properties of model/kinds.json). */
@InterfaceType('Entity', {
  description:
    'Something the documents talk about: an agency, instrument, meeting, rapporteur, programme, country or document. Every entity can be traced to the words that name it through `mentions`.',
  resolveType: entityTypeOf,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable readable id, e.g. `agency:unodc`, `meeting:hrc-10`, `country:ma`.' })
  id!: string;

  @Field(() => Kind, { description: 'Kind of the entity (its GraphQL type).' })
  kind!: string;

  @Field(() => String, { description: 'Display name (Arabic when the documents give it in Arabic).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Arabic name.' })
  nameAr?: string | null;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Acronym or short name, e.g. UNODC.' })
  acronym?: string | null;

  @Field(() => [String], { description: 'Every surface form seen in the documents, in its original spelling.' })
  aliases!: string[];

  @Field(() => Category, { nullable: true, description: 'Sub-kind; the allowed values depend on the kind.' })
  category?: string | null;

  @Field(() => [Mention], {
    description: 'Where the documents name this entity: document, paragraph, exact text and character offsets.',
  })
  mentions!: Mention[];

  @Field(() => Int, { description: 'Number of mentions across all documents.' })
  mentionCount!: number;

  @Field(() => [Relation], {
    description:
      'Typed relations of this entity, optionally filtered by type and direction (the per-relation fields such as `administers` are the typed shortcut).',
  })
  relations!: Relation[];
}
