package org.tradeflow.rules;

import java.time.OffsetDateTime;

/** One stored version of a decision table, as the API lists it (without its bytes). */
public record TableVersion(String table, int version, String checksum, String author, String comment,
                           OffsetDateTime createdAt, boolean active, OffsetDateTime activatedAt, int sizeBytes) {
}
