// kg verify --repair: deletes the stray relations verify-stray found (by element id, this run).
UNWIND $rids AS rid
MATCH ()-[r]->() WHERE elementId(r) = rid
DELETE r
