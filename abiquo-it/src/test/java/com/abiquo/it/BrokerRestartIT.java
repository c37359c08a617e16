package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A full restart of RabbitMQ (the whole broker application, every connection dropped): while it is
 * down the API still answers and accepts a deploy (its task is in kinton), what needs the broker
 * now is a 503; once it is back the adapter's consumers, the publishers and the remote services
 * reconnect on their own, the deploy accepted meanwhile is announced again by recovery and
 * completes, and every probe published before the stop and after the start is handled exactly once.
 * (The broker is the machine's: this stops it for every user of it, as CI runs one build at a time.)
 */
class BrokerRestartIT extends ApiIT {

    @Test
    void consumersPublishersAndRemoteServicesComeBackAndNothingIsLost() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(16, 32768);
        assertThat(Deploys.deploy(t.api(), t.vm("before", 1, 256)).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        List<String> probes = new ArrayList<>(probe("before"));
        JsonNode during = t.vm("during", 1, 256);
        String status;
        Rabbitmqctl.run("rabbitmqctl", "stop_app");
        try {
            ADMIN.post("admin/cluster/action/probe?count=1", null, type("probes"), null).expectError(503, "503-SERVICE UNAVAILABLE");
            ADMIN.get("admin/datacenters", type("datacenters")).expect(200);
            status = Deploys.act(t.api(), Resp.findLink(during, "deploy").orElseThrow());
        } finally {
            Rabbitmqctl.run("rabbitmqctl", "start_app");
            Rabbitmqctl.run("rabbitmqctl", "await_startup");
        }
        JsonNode task = Deploys.await(t.api(), status, 120);
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(Deploys.state(t.api(), during)).isEqualTo("ON");

        probes.addAll(probe("after"));
        Set<String> ids = Set.copyOf(probes);
        List<JsonNode> handled = List.of();
        for (int i = 0; i < 600 && handled.size() < ids.size(); i++) {
            Thread.sleep(100);
            handled = ADMIN.get("admin/cluster/probes?limit=10000", type("probes")).expect(200).items().stream()
                    .filter(p -> ids.contains(p.path("id").asText())).toList();
        }
        assertThat(handled).hasSize(ids.size());
        assertThat(handled).allSatisfy(p -> assertThat(p.path("handled").asInt()).isEqualTo(1));
    }

    /** Publishes probes (retrying while the API's connection to the broker comes back) and returns their ids. */
    private static List<String> probe(String prefix) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Resp r = ADMIN.post("admin/cluster/action/probe?count=5&prefix=" + prefix, null, type("probes"), null);
            if (r.status() == 202) {
                return r.items().stream().map(p -> p.path("id").asText()).collect(Collectors.toList());
            }
            assertThat(attempt).as("probes refused for 30 s: " + r.body()).isLessThan(60);
            Thread.sleep(500);
        }
    }
}
