// The ingested documents of a batch: each an entity of kind Document with its header fields
// (absent ones null, so removed). Its own title wins over the name other documents cite it by
// (namedBy ''); aliases and search keys are unioned and kept sorted, so the result does not
// depend on the order documents arrive in.
// Beside each, its Contribution (not on the Document, which the API returns whole): the entities
// it touched, its co-occurrence pairs (positions in entityIds) with their weights, its own aliases
// and search keys, and its source (text and metadata overrides) to undo, recompute and verify it.
UNWIND $docs AS doc
MERGE (d:Entity {id: doc.row.id})
SET d.kind = 'Document'
SET d:Document, d += doc.row.props,
    d.aliases = COLLECT { UNWIND coalesce(d.aliases, []) + doc.row.aliases AS a WITH DISTINCT a RETURN a ORDER BY a },
    d.searchKey = reduce(s = '', k IN COLLECT {
        UNWIND CASE WHEN coalesce(d.searchKey, '') = '' THEN [] ELSE split(d.searchKey, ' | ') END + doc.row.keys AS k
        WITH DISTINCT k RETURN k ORDER BY k
      } | CASE WHEN s = '' THEN k ELSE s + ' | ' + k END)
SET d.sortName = toLower(coalesce(d.name, d.nameAr, d.nameEn, d.id))
MERGE (c:Contribution {id: doc.row.id})
MERGE (d)-[:HAS_CONTRIBUTION]->(c)
SET c.entityIds = doc.entityIds, c.coA = doc.coA, c.coB = doc.coB, c.coWeight = doc.coWeight,
    c.aliases = doc.row.aliases, c.keys = doc.row.keys, c.text = doc.text, c.meta = doc.meta
