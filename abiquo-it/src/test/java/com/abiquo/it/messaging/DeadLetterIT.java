package com.abiquo.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.abiquo.it.ApiIT;
import com.abiquo.it.Resp;
import com.abiquo.messaging.Broker;
import com.abiquo.messaging.MessagePublisher;
import com.abiquo.messaging.Queues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the leader cannot read, or of a type nobody handles, goes to the dead-letter queue
 * with the reason, never silently dropped; operators list, inspect and requeue it over the API.
 */
class DeadLetterIT extends ApiIT {

    static final String LETTERS = "application/vnd.abiquo.deadletters+json";
    static final String LETTER = "application/vnd.abiquo.deadletter+json";

    static void publish(String id, String body) {
        try (MessagePublisher p = new MessagePublisher(new Broker("127.0.0.1:5672", "guest", "guest",
                System.getProperty("it.db.name", "kinton_it")), "dead-letter-it")) {
            p.publishJson(Queues.SCHEDULER_EXCHANGE, Queues.SCHEDULER_REQUESTS, id, body);
        }
    }

    static JsonNode awaitLetter(String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Resp r = ADMIN.get("admin/deadletters/" + id, LETTER);
            if (r.status() == 200) {
                return r.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + id + " was not dead-lettered");
    }

    @Test
    void unreadableAndUnknownMessagesAreDeadLetteredWithTheReasonAndCanBeRequeued() throws Exception {
        String garbage = "garbage-" + UUID.randomUUID();
        String unknown = "unknown-" + UUID.randomUUID();
        publish(garbage, "this is not JSON");
        publish(unknown, "{\"type\":\"no.such.type\"}");

        JsonNode g = awaitLetter(garbage);
        assertThat(g.path("queue").asText()).isEqualTo(Queues.SCHEDULER_REQUESTS);
        assertThat(g.path("reason").asText()).startsWith("not a JSON object");
        assertThat(g.path("body").asText()).isEqualTo("this is not JSON");
        JsonNode u = awaitLetter(unknown);
        assertThat(u.path("reason").asText()).contains("no.such.type");

        Resp list = ADMIN.get("admin/deadletters?limit=1000", LETTERS).expect(200);
        assertThat(list.items()).extracting(n -> n.path("messageId").asText()).contains(garbage, unknown);

        // requeued to its queue, read again by the leader, and (still unreadable) dead-lettered again
        ADMIN.post(Resp.findLink(g, "requeue").orElseThrow(), null, LETTER, null).expect(200);
        JsonNode again = awaitLetter(garbage);
        assertThat(again.path("queue").asText()).isEqualTo(Queues.SCHEDULER_REQUESTS);

        ADMIN.get("admin/deadletters/no-such-message", LETTER).expectError(404, "404-NOT FOUND");
        ADMIN.get("admin/deadletters?limit=0", LETTERS).expectError(400, "QUERY-1");
    }
}
