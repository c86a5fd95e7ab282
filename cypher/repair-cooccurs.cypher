// kg verify --repair: co-occurrence edges set to the sum of the documents' shares; an edge no
// document shares any more goes. $rows: [{a, b, weight, documents}] (weight 0: delete).
UNWIND $rows AS row
MATCH (a:Entity {id: row.a}), (b:Entity {id: row.b})
MERGE (a)-[c:CO_OCCURS]->(b)
SET c.weight = row.weight, c.documents = row.documents
WITH c, row WHERE row.documents = 0
DELETE c
