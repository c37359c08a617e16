package com.abiquo.cluster;

import jakarta.json.JsonObject;

/**
 * A message taken from a leader-only queue: its id (for idempotency), its queue, its JSON body and
 * the epoch of the leader handling it (for fenced writes).
 */
public record LeaderMessage(String id, String queue, String type, JsonObject body, long epoch) {
}
