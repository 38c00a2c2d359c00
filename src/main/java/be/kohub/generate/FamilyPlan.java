package be.kohub.generate;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.access.Client;
import be.kohub.codes.ChildCodes;
import be.kohub.codes.KindCode;
import be.kohub.generate.Locations.Location;

/**
 * One generated family's history, in the order it happened: the child code, the requests
 * (as the JSON-LD documents their systems post), status changes by the registering systems,
 * and perhaps an assignment. {@link FamilyWriter} stores it through the hub's own code.
 */
record FamilyPlan(int index, KindCode code, String childIri, List<Step> steps, List<Location> locations, OpenChild open) {

    /** Something that happens to the family's documents at a moment. */
    sealed interface Step {
        Instant at();

        Client client();
    }

    /** The child code is issued (ChildCodes.created). */
    record NewChild(Instant at, Client client, ChildCodes.NewChild child) implements Step {}

    /** A request or an assignment is posted (IngestPipeline.create). */
    record NewDocument(Instant at, Client client, String type, String iri, ObjectNode body) implements Step {}

    /** The registering system changes a request's status (as POST /aanvragen/{id}/status does). */
    record StatusChange(Instant at, Client client, String request, String status, String reason) implements Step {}
}
