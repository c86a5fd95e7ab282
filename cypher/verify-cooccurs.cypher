// kg verify: every co-occurrence edge as stored, and every document's share (its Contribution),
// to compare the weights with the sum of the shares.
CALL { MATCH (a)-[c:CO_OCCURS]->(b) RETURN collect([a.id, b.id, c.weight, c.documents]) AS edges }
CALL { MATCH (c:Contribution) RETURN collect([c.entityIds, c.coA, c.coB, c.coWeight]) AS shares }
RETURN edges, shares
