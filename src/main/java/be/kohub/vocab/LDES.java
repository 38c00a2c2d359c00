package be.kohub.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms of LDES, TREE, Activity Streams and PROV the change feeds publish (docs/feeds.md). */
public final class LDES {
    public static final String NS = "https://w3id.org/ldes#";
    public static final String TREE = "https://w3id.org/tree#";
    public static final String AS = "https://www.w3.org/ns/activitystreams#";

    public static final Node EventStream = NodeFactory.createURI(NS + "EventStream");
    public static final Node retentionPolicy = NodeFactory.createURI(NS + "retentionPolicy");
    public static final Node fullLogDuration = NodeFactory.createURI(NS + "fullLogDuration");
    public static final Node immutable = NodeFactory.createURI(NS + "immutable");

    public static final Node Node = NodeFactory.createURI(TREE + "Node");
    public static final Node view = NodeFactory.createURI(TREE + "view");
    public static final Node member = NodeFactory.createURI(TREE + "member");
    public static final Node relation = NodeFactory.createURI(TREE + "relation");
    public static final Node node = NodeFactory.createURI(TREE + "node");
    public static final Node path = NodeFactory.createURI(TREE + "path");
    public static final Node value = NodeFactory.createURI(TREE + "value");
    public static final Node GreaterThanOrEqualToRelation = NodeFactory.createURI(TREE + "GreaterThanOrEqualToRelation");
    public static final Node LessThanOrEqualToRelation = NodeFactory.createURI(TREE + "LessThanOrEqualToRelation");

    public static final Node Create = NodeFactory.createURI(AS + "Create");
    public static final Node Update = NodeFactory.createURI(AS + "Update");
    public static final Node Delete = NodeFactory.createURI(AS + "Delete");

    public static final Node GENERATED_AT_TIME = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");

    private LDES() {}
}
