// kg verify: a page of entities (by id) with their stored properties and the aggregate of what
// the documents say of them (as ingest-recompute-read, without its lock), to find drift.
MATCH (n:Entity) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, properties(n) AS stored, n.sha256 IS NOT NULL AS ingested, keys(n) AS keys, n.kind AS kind,
  EXISTS { (n)--() } AS linked,
  COLLECT { MATCH (d:Document)-[m:MENTIONS]->(n) WITH d.id AS doc, m ORDER BY doc
            RETURN m {documentId: doc, .eName, .eNameAr, .eNameEn, .eAcronym, .eCategory, .eProps} LIMIT 1 } AS first,
  COLLECT { MATCH ()-[m:MENTIONS]->(n) RETURN m.count AS c } AS counts,
  COLLECT { CALL (n) { MATCH ()-[m:MENTIONS]->(n) UNWIND m.surfaces AS s RETURN s
                        UNION MATCH (n)-[:HAS_CONTRIBUTION]->(c) UNWIND c.aliases AS s RETURN s }
            WITH DISTINCT s RETURN s ORDER BY s } AS aliases,
  COLLECT { CALL (n) { MATCH ()-[m:MENTIONS]->(n) UNWIND m.eKeys AS k RETURN k
                        UNION MATCH (n)-[:HAS_CONTRIBUTION]->(c) UNWIND c.keys AS k RETURN k }
            WITH DISTINCT k RETURN k ORDER BY k } AS searchKeys
