/**
 * The generated kind classes by name. Types that point at a kind (Mention.document, Relation.document)
 * look it up lazily here so that they need not import kinds.ts (which imports Entity) at load time.
 */
import type { ClassType } from 'type-graphql';

const classes = new Map<string, ClassType>();

export function registerKindClass(name: string, cls: ClassType): void {
  classes.set(name, cls);
}

export function kindClass(name: string): ClassType {
  const cls = classes.get(name);
  if (!cls) throw new Error(`GraphQL type for kind ${name} is not generated yet (import src/api/types/kinds first)`);
  return cls;
}
