package com.abiquo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/** The publisher's pool of confirm channels, on the machine's real RabbitMQ (default virtual host, a queue of its own). */
class MessagePublisherTest {

    final Broker broker = new Broker("localhost:5672", "guest", "guest", "/");

    @Test
    void concurrentPublishesAreAllConfirmedAndAFailedChannelIsReplaced() throws Exception {
        try (Connection c = broker.connect("test"); Channel ch = c.createChannel();
                MessagePublisher publisher = new MessagePublisher(broker, "test publisher")) {
            String queue = ch.queueDeclare().getQueue(); // server-named, exclusive: gone with the test
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String id = "m-" + i;
                sent.add(pool.submit(() -> {
                    go.await();
                    publisher.publishJson("", queue, id, "{}");
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(ch.messageCount(queue)).isEqualTo(64);
            assertThat(publisher.openChannels()).isBetween(1, MessagePublisher.CHANNELS);

            // an exchange that does not exist closes the channel (404): an error, then the pool goes on
            assertThatThrownBy(() -> publisher.publishJson("no-such-exchange-" + queue, "x", "m-bad", "{}"))
                    .isInstanceOf(MessagingException.class);
            // a message no queue takes (mandatory) is an error too, not a silent drop
            assertThatThrownBy(() -> publisher.publishJson("", "no-such-queue-" + queue, "m-lost", "{}"))
                    .isInstanceOf(MessagingException.class).hasMessageContaining("reached no queue");
            publisher.publishJson("", queue, "m-after", "{}");
            assertThat(ch.messageCount(queue)).isEqualTo(65);
            assertThat(publisher.openChannels()).isBetween(1, MessagePublisher.CHANNELS);
        }
    }
}
