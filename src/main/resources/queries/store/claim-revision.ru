# The first operations of every write to a remote store (store/remote/GuardedUpdate): move the
# store's revision from ?revision (what the write read) to ?next and mark the write ?write as
# the one that did. If another writer moved it first, nothing matches: the write's other
# operations run only where this mark exists, so the whole request changes nothing.
# Marks older than ?oldest go (a writer checks its own mark right after sending).
PREFIX kohub: <https://data.kohub.be/ns/kohub#>

DELETE { GRAPH <https://data.kohub.be/graph/opslag> { kohub:opslag kohub:revisie ?revision } }
INSERT { GRAPH <https://data.kohub.be/graph/opslag> { kohub:opslag kohub:revisie ?next . ?write kohub:revisie ?next } }
WHERE  { GRAPH <https://data.kohub.be/graph/opslag> { kohub:opslag kohub:revisie ?revision } } ;

DELETE { GRAPH <https://data.kohub.be/graph/opslag> { ?old kohub:revisie ?n } }
WHERE  { GRAPH <https://data.kohub.be/graph/opslag> {
           ?write kohub:revisie ?next .
           ?old kohub:revisie ?n
           FILTER (?old != kohub:opslag && ?n < ?oldest) } }
