# A write changed report facts: the count moves on to ?stand (report/FactsKeeper, substituted).
PREFIX kohub: <https://data.kohub.be/ns/kohub#>

DELETE { GRAPH <https://data.kohub.be/graph/rapportfeiten> { <https://data.kohub.be/graph/rapportfeiten> kohub:rapportfeitenStand ?old } }
INSERT { GRAPH <https://data.kohub.be/graph/rapportfeiten> { <https://data.kohub.be/graph/rapportfeiten> kohub:rapportfeitenStand ?stand } }
WHERE  { OPTIONAL { GRAPH <https://data.kohub.be/graph/rapportfeiten> { <https://data.kohub.be/graph/rapportfeiten> kohub:rapportfeitenStand ?old } } }
