package com.abiquo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.LongStringHelper;

class TopologyTest {

    @Test
    void leaderOnlyQueuesHaveASingleActiveConsumer() {
        assertThat(Queues.api()).extracting(QueueDefinition::queue).containsExactly("abiquo.scheduler.requests",
                "abiquo.virtualfactory.notifications", "abiquo.vsm.eventsynk");
        assertThat(Queues.api()).allMatch(QueueDefinition::singleActiveConsumer);
        assertThat(Queues.datacenterRequests("dc-1")).isEqualTo(new QueueDefinition("abiquo.datacenter.requests", "topic",
                "abiquo.datacenter.requests.dc-1.virtualfactory", "abiquo.datacenter.requests.dc-1.virtualfactory", false));
        assertThatThrownBy(() -> Queues.datacenterRequests("a.#")).hasMessageContaining("'a.#'");
    }

    @Test
    void quorumQueuesDeadLetterAfterTheLimit() {
        Topology t = Topology.abiquo();
        assertThat(t.arguments(Queues.api().get(0))).containsExactly(Map.entry("x-queue-type", "quorum"),
                Map.entry("x-dead-letter-exchange", "abiquo.dlx"), Map.entry("x-delivery-limit", 20),
                Map.entry("x-single-active-consumer", true));
        assertThat(t.arguments(Queues.datacenterRequests("dc"))).doesNotContainKey("x-single-active-consumer");
    }

    @Test
    void aRefusalNamesTheQueueAndWhy() {
        String text = "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'q1' in vhost '/'";
        assertThat(Topology.describe("queue 'q1'", Map.of("x-queue-type", "quorum"), AMQP.PRECONDITION_FAILED, text))
                .contains("queue 'q1'").contains("already exists with other settings").contains("x-queue-type=quorum")
                .contains(text).contains("delete_queue");
        assertThat(Topology.describe("exchange 'e'", Map.of(), 403, "ACCESS_REFUSED")).isEqualTo(
                "RabbitMQ refused to declare exchange 'e': 403 ACCESS_REFUSED");
    }

    @Test
    void deadLetterReadsXDeath() {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId("m-1")
                .headers(Map.of("x-death", List.of(Map.of("queue", LongStringHelper.asLongString("q1"), "exchange",
                        LongStringHelper.asLongString("ex"), "reason", LongStringHelper.asLongString("delivery_limit"),
                        "count", 1L, "routing-keys", List.of(LongStringHelper.asLongString("rk"))))))
                .build();
        assertThat(DeadLetter.of(props, "{}".getBytes())).isEqualTo(
                new DeadLetter("m-1", "q1", "ex", List.of("rk"), "delivery_limit", 1, "{}"));
        assertThat(DeadLetter.of(new AMQP.BasicProperties(), new byte[0]).queue()).isNull();
    }
}
