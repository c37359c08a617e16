package com.abiquo.it.messaging;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.abiquo.it.ApiIT;
import com.abiquo.it.Resp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The resource adapter's JMS ConnectionFactory for producers ({@code java:/jms/abiquo/ConnectionFactory}):
 * the cluster probes are sent through it to every leader-only queue (amqp destinations, so the
 * queues keep the arguments the API declared them with), and this single node, its own leader,
 * handles each exactly once.
 */
class ProducerConnectionFactoryIT extends ApiIT {

    @Test
    void probesSentThroughTheJndiFactoryAreHandledOnceByTheLeader() throws Exception {
        String prefix = "jndi" + Long.toString(System.nanoTime() % 100_000, 36);
        Resp sent = ADMIN.post("admin/cluster/action/probe?count=3&prefix=" + prefix, null, type("probes"), null).expect(202);
        Set<String> ids = sent.items().stream().map(p -> p.path("id").asText()).collect(Collectors.toSet());
        assertThat(ids).hasSize(9); // 3 to each of the three leader-only queues
        List<JsonNode> handled = List.of();
        for (int i = 0; i < 100; i++) {
            handled = ADMIN.get("admin/cluster/probes?limit=1000", type("probes")).expect(200).items().stream()
                    .filter(p -> ids.contains(p.path("id").asText())).toList();
            if (handled.size() == ids.size()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(handled).hasSize(9);
        assertThat(handled).allSatisfy(p -> assertThat(p.path("handled").asInt()).isEqualTo(1));
        assertThat(handled.stream().map(p -> p.path("queue").asText()).collect(Collectors.toSet())).hasSize(3);
    }
}
