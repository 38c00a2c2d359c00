package be.kohub.generate;

import be.kohub.Hub;
import be.kohub.codes.ChildCodes;
import be.kohub.ingest.DocumentType;

/** Where the hub mints the IRIs of children, locations, requests and assignments, as the hub itself says. */
record IriPrefixes(String child, String location, String request, String assignment) {

    static IriPrefixes of(Hub hub) {
        return new IriPrefixes(hub.base() + "/id/" + ChildCodes.TYPE + "/", prefix(hub, "locatie"), prefix(hub, "aanvraag"),
                prefix(hub, "toewijzing"));
    }

    private static String prefix(Hub hub, String type) {
        DocumentType documentType = hub.documentTypes().stream().filter(t -> t.name().equals(type)).findFirst().orElseThrow();
        return hub.pipeline().iriPrefix(documentType);
    }
}
