package be.kohub.ingest;

/**
 * Limits on what a client may send: checked before any parsing work that could be abused.
 *
 * @param maxDocumentBytes largest single document
 * @param maxBatchBytes largest batch body (a JSON array or newline-delimited JSON-LD)
 * @param maxBatchSize most documents in one batch
 * @param maxDepth deepest JSON nesting
 */
public record InputLimits(int maxDocumentBytes, int maxBatchBytes, int maxBatchSize, int maxDepth) {
    public static final InputLimits DEFAULT = new InputLimits(256 * 1024, 16 * 1024 * 1024, 1000, 24);
}
