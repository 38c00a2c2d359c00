package be.kohub.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generated child without an assignment that still has an open request: what a benchmark or a
 * test needs to post another request for it ({@code requestBody} under a new identifier, by
 * {@code requestClient}), or an assignment that covers that request at its first-choice location
 * (by {@code locationClient}, with the requested {@code start} and {@code plan}).
 */
public record OpenChild(String kindcode, String request, String requestClient, ObjectNode requestBody, String location,
                        String locationClient, String start, ObjectNode plan) {}
