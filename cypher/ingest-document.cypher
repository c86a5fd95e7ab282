// The ingested document: an entity of kind Document with its header fields. Its own title wins
// over the name other documents cite it by; aliases and search keys are unioned.
MERGE (d:Entity {id: $row.id})
SET d:Document, d += $row.props,
    d.aliases = coalesce(d.aliases, []) + [a IN $row.aliases WHERE NOT a IN coalesce(d.aliases, [])],
    d.searchKey = reduce(s = coalesce(d.searchKey, ''), k IN $row.keys |
      CASE WHEN k IN split(s, ' | ') THEN s WHEN s = '' THEN k ELSE s + ' | ' + k END)
