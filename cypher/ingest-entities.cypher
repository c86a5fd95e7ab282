// Entities, merged by id across documents: names already stored (e.g. the lexicon's) are kept,
// aliases and search keys unioned and kept sorted (order-independent), kind properties updated.
// The kind labels come from rows the loader validated against model/kinds.json. A batch of
// documents sends one row per entity (src/graph/rows.ts mergeEntityRows: the first document to
// name it gives its name, as when they are written one by one).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.kinds),
    n.kind = coalesce(n.kind, row.kind),
    n.name = coalesce(n.name, row.name),
    n.nameAr = coalesce(n.nameAr, row.nameAr),
    n.nameEn = coalesce(n.nameEn, row.nameEn),
    n.acronym = coalesce(n.acronym, row.acronym),
    n.category = coalesce(n.category, row.category),
    n += row.props,
    n.aliases = COLLECT { UNWIND coalesce(n.aliases, []) + row.aliases AS a WITH DISTINCT a RETURN a ORDER BY a },
    n.searchKey = reduce(s = '', k IN COLLECT {
        UNWIND CASE WHEN coalesce(n.searchKey, '') = '' THEN [] ELSE split(n.searchKey, ' | ') END + row.keys AS k
        WITH DISTINCT k RETURN k ORDER BY k
      } | CASE WHEN s = '' THEN k ELSE s + ' | ' + k END)
// The key of the default listing by name (cypher/api-entities-by-name.cypher, indexed).
SET n.sortName = toLower(coalesce(n.name, n.nameAr, n.nameEn, n.id))
