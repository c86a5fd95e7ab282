// Paragraph co-occurrences, stored once per pair from the smaller id: weight = paragraphs naming
// both, documents = documents naming both. Each document's share is also kept on its
// Contribution node, so replacing the document can take it out again.
// Rows name their ends by position in $ids: one index seek per entity, not two per pair.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS nodes
UNWIND $rows AS row
WITH nodes[row.a] AS a, nodes[row.b] AS b, row
MERGE (a)-[c:CO_OCCURS]->(b)
ON CREATE SET c.weight = 0, c.documents = 0
SET c.weight = c.weight + row.weight, c.documents = c.documents + 1
