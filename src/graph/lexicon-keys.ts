/**
 * The names the lexicon gives an entity (Arabic name and variants, English name, acronym), so
 * that they are search keys whatever form a document used ("Palermo Protocol" finds the protocol
 * even when the text only says بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص). Called by rows.ts.
 */
import { loadLexicon } from '../model';

let byId: Map<string, string[]> | undefined;

/** Every lexicon name of `id` (empty for an entity the lexicon does not know). */
export function lexiconNames(id: string): string[] {
  byId ??= new Map(
    loadLexicon().map((e) => [e.id, [e.nameAr, e.nameEn, e.acronym ?? '', ...(e.variants ?? []), ...(e.ambiguousVariants ?? [])].filter((s) => s && s.trim())]),
  );
  return byId.get(id) ?? [];
}
