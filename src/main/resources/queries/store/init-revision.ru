# A remote store the hub has not written to yet starts at revision 0 (store/remote/RemoteStore).
PREFIX kohub: <https://data.kohub.be/ns/kohub#>

INSERT { GRAPH <https://data.kohub.be/graph/opslag> { kohub:opslag kohub:revisie 0 } }
WHERE  { FILTER NOT EXISTS { GRAPH <https://data.kohub.be/graph/opslag> { kohub:opslag kohub:revisie ?any } } }
