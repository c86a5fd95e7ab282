// Entities, merged by id across documents: names already stored (e.g. the lexicon's) are kept,
// aliases and search keys unioned, kind properties updated. The kind label comes from a
// parameter the loader validated against model/kinds.json.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.kind),
    n.kind = coalesce(n.kind, row.kind),
    n.name = coalesce(n.name, row.name),
    n.nameAr = coalesce(n.nameAr, row.nameAr),
    n.nameEn = coalesce(n.nameEn, row.nameEn),
    n.acronym = coalesce(n.acronym, row.acronym),
    n.category = coalesce(n.category, row.category),
    n += row.props,
    n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.searchKey = reduce(s = coalesce(n.searchKey, ''), k IN row.keys |
      CASE WHEN k IN split(s, ' | ') THEN s WHEN s = '' THEN k ELSE s + ' | ' + k END)
