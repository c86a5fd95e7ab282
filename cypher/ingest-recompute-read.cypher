// Entities whose contributions changed (a document replaced or removed): each is write-locked
// first (so no concurrent writer changes it between this read and the write), then what the
// remaining documents say of it is read, aggregated here: the contribution of the smallest
// document id (names and kind properties), the union of surfaces and search keys (sorted), the
// total of mentions; an ingested document adds its own aliases and keys (its Contribution).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.kind = n.kind
RETURN n.id AS id, n.sha256 IS NOT NULL AS ingested, keys(n) AS keys, n.kind AS kind,
  COLLECT { MATCH (d:Document)-[m:MENTIONS]->(n) WITH d.id AS doc, m ORDER BY doc
            RETURN m {documentId: doc, .eName, .eNameAr, .eNameEn, .eAcronym, .eCategory, .eProps} LIMIT 1 } AS first,
  COLLECT { MATCH ()-[m:MENTIONS]->(n) RETURN m.count AS c } AS counts,
  COLLECT { CALL (n) { MATCH ()-[m:MENTIONS]->(n) UNWIND m.surfaces AS s RETURN s
                        UNION MATCH (n)-[:HAS_CONTRIBUTION]->(c) UNWIND c.aliases AS s RETURN s }
            WITH DISTINCT s RETURN s ORDER BY s } AS aliases,
  COLLECT { CALL (n) { MATCH ()-[m:MENTIONS]->(n) UNWIND m.eKeys AS k RETURN k
                        UNION MATCH (n)-[:HAS_CONTRIBUTION]->(c) UNWIND c.keys AS k RETURN k }
            WITH DISTINCT k RETURN k ORDER BY k } AS searchKeys
