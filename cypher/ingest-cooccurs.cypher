// Paragraph co-occurrences, stored once per pair from the smaller id: weight = paragraphs naming
// both, documents = documents naming both. Each document's share is also kept on its
// Contribution node, so replacing the document can take it out again.
UNWIND $rows AS row
MATCH (a:Entity {id: row.a})
MATCH (b:Entity {id: row.b})
MERGE (a)-[c:CO_OCCURS]->(b)
ON CREATE SET c.weight = 0, c.documents = 0
SET c.weight = c.weight + row.weight, c.documents = c.documents + 1
