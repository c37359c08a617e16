package com.abiquo.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.abiquo.it.ApiIT;
import com.abiquo.messaging.Broker;
import com.abiquo.messaging.QueueDefinition;
import com.abiquo.messaging.Queues;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/** abiquo.ear deploys with its resource adapter and declares Abiquo's queues at start. */
class ApiTopologyIT extends ApiIT {

    @Test
    void theApiDeclaresAbiquosQueues() throws Exception {
        List<String> names = new ArrayList<>(Queues.api().stream().map(QueueDefinition::queue).toList());
        names.add(Queues.DEAD_LETTERS);
        try (Connection c = new Broker("127.0.0.1:5672", "guest", "guest", System.getProperty("it.db.name", "kinton_it")).connect("msg-it topology")) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<String> missing = missing(c, names);
            while (!missing.isEmpty() && System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(200);
                missing = missing(c, names);
            }
            assertThat(missing).as("queues not declared by the API").isEmpty();
        }
    }

    private static List<String> missing(Connection c, List<String> names) throws Exception {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try (Channel ch = c.createChannel()) {
                ch.queueDeclarePassive(name);
            } catch (java.io.IOException e) {
                missing.add(name); // 404 closes that channel only
            }
        }
        return missing;
    }
}
