// Take a document's share out of the co-occurrence weights (its pairs come from its
// Contribution); an edge goes when no document names the pair any more.
UNWIND $rows AS row
MATCH (:Entity {id: row.a})-[c:CO_OCCURS]->(:Entity {id: row.b})
SET c.weight = c.weight - row.weight, c.documents = c.documents - 1
WITH c WHERE c.documents <= 0
DELETE c
