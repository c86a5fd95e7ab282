/**
 * The graph's model, read from the data files in `model/` (the one place it is defined).
 * The extractor, the Cypher schema and the GraphQL types all follow what is exported here.
 */
import * as fs from 'fs';
import * as path from 'path';
import kindsFile from '../../model/kinds.json';
import relationsFile from '../../model/relations.json';

export type PropertyType = 'string' | 'int' | 'string[]';

export interface PropertySpec {
  name: string;
  type: PropertyType;
  description: string;
}

export interface KindSpec {
  name: KindName;
  idPrefix: string;
  description: string;
  categories: string[];
  properties: PropertySpec[];
  /** What the pages show for the kind (Arabic, English). */
  labelAr?: string;
  labelEn?: string;
  /** What the pages show for each category code. */
  categoryLabels?: Record<string, { ar: string; en: string }>;
}

export interface RelationSpec {
  type: string;
  from: KindName[];
  to: KindName[];
  field: string;
  inverse: string;
  description: string;
  symmetric?: boolean;
  /** What the pages show for the type (Arabic, English). */
  labelAr?: string;
  labelEn?: string;
}

export const KIND_NAMES = ['Agency', 'Instrument', 'Meeting', 'Rapporteur', 'Programme', 'Country', 'Document'] as const;
export type KindName = (typeof KIND_NAMES)[number];

export const KINDS: readonly KindSpec[] = kindsFile.kinds as KindSpec[];
export const RELATIONS: readonly RelationSpec[] = relationsFile.relations as RelationSpec[];
export const RELATION_TYPES: readonly string[] = RELATIONS.map((r) => r.type);

// The TypeScript union above must agree with the data file; fail at load, not at query time.
{
  const fromData = KINDS.map((k) => k.name).sort().join(',');
  const inCode = [...KIND_NAMES].sort().join(',');
  if (fromData !== inCode) throw new Error(`model/kinds.json kinds (${fromData}) differ from KIND_NAMES (${inCode})`);
  for (const r of RELATIONS) {
    for (const k of [...r.from, ...r.to]) {
      if (!KIND_NAMES.includes(k)) throw new Error(`model/relations.json: ${r.type} names unknown kind ${k}`);
    }
  }
}

export function kindSpec(name: string): KindSpec | undefined {
  return KINDS.find((k) => k.name === name);
}

export function isKind(name: string): name is KindName {
  return (KIND_NAMES as readonly string[]).includes(name);
}

export function isRelationType(type: string): boolean {
  return RELATION_TYPES.includes(type);
}

const RELATION_SPECS = new Map<string, RelationSpec>();
for (const r of RELATIONS) if (!RELATION_SPECS.has(r.type)) RELATION_SPECS.set(r.type, r);

/** A relation type's spec, by a map: the relate stage asks for every relation it reads. */
export function relationSpec(type: string): RelationSpec | undefined {
  return RELATION_SPECS.get(type);
}

/** Root of the package (holds model/, cypher/, seeds/), whether running from src/ (ts-jest) or dist/src/. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

/** One known entity of the lexicon (model/lexicon/*.json). */
export interface LexiconEntry {
  id: string;
  type: KindName;
  category?: string | null;
  nameEn: string;
  nameAr: string;
  acronym?: string | null;
  /** Other Arabic (and English) surface forms: short names, spelling variants, acronyms as written in Arabic. */
  variants?: string[];
  /** Words that refer back to this entity when it is the document's main actor (e.g. "المكتب" for UNODC). */
  anaphora?: string[];
  /** Variants that are also common words or other names (عمان: Oman or Amman): matched only with supporting context. */
  ambiguousVariants?: string[];
  /** Kind-specific properties (iso2, number, year, mandate...), as named in model/kinds.json. */
  properties?: Record<string, string | number | string[] | null>;
}

/**
 * Reads every lexicon file in model/lexicon (one JSON array per file, read in name order).
 * The same id in several files is one entity: later files add variants, anaphora and missing
 * fields (so a topical file can extend a broad one); a conflicting type is an error.
 */
export function loadLexicon(dir = path.join(packageRoot(), 'model', 'lexicon')): LexiconEntry[] {
  const byId = new Map<string, LexiconEntry>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const entries: LexiconEntry[] = Array.isArray(data) ? data : data.entries;
    for (const e of entries) {
      if (!isKind(e.type)) throw new Error(`model/lexicon/${f}: ${e.id} has unknown type ${e.type}`);
      const prev = byId.get(e.id);
      if (!prev) {
        byId.set(e.id, { ...e, variants: [...(e.variants ?? [])], anaphora: [...(e.anaphora ?? [])] });
        continue;
      }
      if (prev.type !== e.type) throw new Error(`model/lexicon/${f}: ${e.id} is ${e.type} here but ${prev.type} elsewhere`);
      prev.variants = [...new Set([...(prev.variants ?? []), ...(e.variants ?? [])])];
      prev.anaphora = [...new Set([...(prev.anaphora ?? []), ...(e.anaphora ?? [])])];
      prev.ambiguousVariants = [...new Set([...(prev.ambiguousVariants ?? []), ...(e.ambiguousVariants ?? [])])];
      prev.category ??= e.category;
      prev.acronym ??= e.acronym;
      prev.nameEn ||= e.nameEn;
      prev.nameAr ||= e.nameAr;
      prev.properties = { ...(e.properties ?? {}), ...(prev.properties ?? {}) };
    }
  }
  return [...byId.values()];
}
