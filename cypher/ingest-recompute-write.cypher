// Writes what ingest-recompute-read's rows made of the remaining contributions (nulls remove
// properties no remaining document gives), then the listing key.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.props
SET n.sortName = toLower(coalesce(n.name, n.nameAr, n.nameEn, n.id))
