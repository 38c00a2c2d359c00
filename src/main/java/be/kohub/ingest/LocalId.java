package be.kohub.ingest;

import org.apache.jena.graph.Node;

/** A document's identity in the system that supplied it: (source system, local notation). */
record LocalId(Node source, String notation) {}
