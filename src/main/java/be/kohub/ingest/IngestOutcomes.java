package be.kohub.ingest;

import be.kohub.Errors.ProblemType;

/** What became of each document the pipeline was given, for the hub's metrics; by document type name. */
public interface IngestOutcomes {
    IngestOutcomes NONE = new IngestOutcomes() {
        @Override public void stored(String type, boolean created) {}
        @Override public void withdrawn(String type) {}
        @Override public void rejected(String type, ProblemType reason) {}
        @Override public void validationFailed(String type, String source) {}
    };

    /** Committed as a new document or a new version. */
    void stored(String type, boolean created);

    void withdrawn(String type);

    /** Refused, nothing written; {@code reason} null for an unexpected failure. */
    void rejected(String type, ProblemType reason);

    /** Failed SHACL validation; {@code source} is {@code ingest} or {@code validatie} (the dry run). */
    void validationFailed(String type, String source);
}
