// Paragraph co-occurrences, stored once per pair from the smaller id: weight = paragraphs naming
// both, documents = documents naming both. Each document's share is also kept on its
// Contribution node, so replacing the document can take it out again.
// Pairs come as columns $a/$b/$weight/$documents whose ends are positions in $ids: one index
// seek per entity, not two per pair. A batch of documents sends each pair once (weights summed,
// documents counted).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS nodes
UNWIND range(0, size($a) - 1) AS i
WITH nodes[$a[i]] AS a, nodes[$b[i]] AS b, $weight[i] AS weight, $documents[i] AS documents
MERGE (a)-[c:CO_OCCURS]->(b)
ON CREATE SET c.weight = 0, c.documents = 0
SET c.weight = c.weight + weight, c.documents = c.documents + documents
