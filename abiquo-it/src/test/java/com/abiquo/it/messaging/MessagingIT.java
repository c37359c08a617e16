package com.abiquo.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.abiquo.it.Rabbitmqctl;
import com.abiquo.it.messaging.mdb.BatchedMdb;
import com.abiquo.it.messaging.mdb.Deliveries;
import com.abiquo.it.messaging.mdb.FailingMdb;
import com.abiquo.it.messaging.mdb.OrderedMdb;
import com.abiquo.it.messaging.mdb.ReconnectMdb;
import com.abiquo.it.messaging.mdb.RecordingMdb;
import com.abiquo.messaging.Broker;
import com.abiquo.messaging.DeadLetter;
import com.abiquo.messaging.DeadLetters;
import com.abiquo.messaging.MessagePublisher;
import com.abiquo.messaging.QueueDefinition;
import com.abiquo.messaging.Topology;
import com.abiquo.messaging.TopologyException;
import com.rabbitmq.client.Channel;

/**
 * The resource adapter as built, in a test EAR with test MDBs, against the real RabbitMQ and
 * WildFly: delivery switched on and off through the management API, consumers counted on the
 * broker, each delivery recorded in MariaDB by message id. Queues are unique to the run.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    private static final String EAR = "msg-it.ear";
    private static final String JAR = "msg-it-mdbs.jar";
    private static final String RUN = "it.msg." + Long.toString(System.nanoTime(), 36);
    private static final String EXCHANGE = RUN;
    private static final String ORDERED = RUN + ".ordered";
    private static final String FAILING = RUN + ".failing";
    private static final String RECONNECT = RUN + ".reconnect";
    private static final String DLX = RUN + ".dlx";
    private static final String DLQ = RUN + ".dead";
    private static final String BATCHED = RUN + ".batched";
    /** The batched queue dead-letters to a queue of its own, not to share DLQ's count. */
    private static final String BATCH_DLX = RUN + ".batch-dlx";
    private static final String BATCH_DLQ = RUN + ".batch-dead";
    private static final int MAX_BATCH = 8;
    /** Deliveries before dead-lettering: limit + 1. */
    private static final int DELIVERY_LIMIT = 2;

    // the test server connects its adapters to this run's own virtual host (see ResetDatabase)
    private static final Broker BROKER = new Broker("127.0.0.1:5672", "guest", "guest",
            System.getProperty("it.db.name", "kinton_it"));
    private static final Topology TOPOLOGY = new Topology(DLX, DLQ, DELIVERY_LIMIT);
    private static final List<QueueDefinition> QUEUES = List.of(
            new QueueDefinition(EXCHANGE, "direct", ORDERED, ORDERED, true),
            new QueueDefinition(EXCHANGE, "direct", FAILING, FAILING, false),
            new QueueDefinition(EXCHANGE, "direct", RECONNECT, RECONNECT, false));
    private static final Topology BATCH_TOPOLOGY = new Topology(BATCH_DLX, BATCH_DLQ, DELIVERY_LIMIT);

    private static MessagePublisher publisher;
    private static com.rabbitmq.client.Connection broker;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(name = "msg", testable = false)
    static EnterpriseArchive deployment() {
        ResourceAdapterArchive rar = ShrinkWrap.create(ZipImporter.class, "abiquo-jms-ra.rar")
                .importFrom(new File(System.getProperty("abiquo.jms.ra.rar"))).as(ResourceAdapterArchive.class);
        JavaArchive mdbs = ShrinkWrap.create(JavaArchive.class, JAR)
                .addClasses(RecordingMdb.class, OrderedMdb.class, FailingMdb.class, ReconnectMdb.class, BatchedMdb.class,
                        Deliveries.class)
                .addAsManifestResource(new StringAsset(queueNames()), "jboss-ejb3.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jakarta.jms.api\n"));
        return ShrinkWrap.create(EnterpriseArchive.class, EAR).addAsModule(rar).addAsModule(mdbs);
    }

    /**
     * Each MDB's activation-config: this run's queue, short retry and reconnect delays; BatchedMdb
     * takes up to MAX_BATCH messages per transaction, waiting 200 ms for them. CMT REQUIRED (default).
     */
    private static String queueNames() {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <jboss:ejb-jar xmlns:jboss="urn:jboss:jakartaee:1.0" xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                  <enterprise-beans>
                """);
        String batch = Integer.toString(MAX_BATCH);
        for (String[] mdb : new String[][] {{"OrderedMdb", ORDERED}, {"FailingMdb", FAILING}, {"ReconnectMdb", RECONNECT},
                {"BatchedMdb", BATCHED, "maxBatch", batch, "prefetch", batch, "batchWindowMs", "200"}}) {
            sb.append("    <message-driven><ejb-name>").append(mdb[0]).append("</ejb-name>")
                    .append("<messaging-type>jakarta.jms.MessageListener</messaging-type><activation-config>\n");
            List<String[]> properties = new ArrayList<>(List.of(new String[][] {{"queue", mdb[1]},
                    {"retryInitialMs", "200"}, {"retryMaxMs", "1000"}, {"reconnectInitialMs", "200"},
                    {"reconnectMaxMs", "2000"}}));
            for (int i = 2; i < mdb.length; i += 2) {
                properties.add(new String[] {mdb[i], mdb[i + 1]});
            }
            for (String[] p : properties) {
                sb.append("      <activation-config-property><activation-config-property-name>").append(p[0])
                        .append("</activation-config-property-name><activation-config-property-value>").append(p[1])
                        .append("</activation-config-property-value></activation-config-property>\n");
            }
            sb.append("    </activation-config></message-driven>\n");
        }
        return sb.append("  </enterprise-beans>\n</jboss:ejb-jar>\n").toString();
    }

    @BeforeAll
    static void declareQueues() throws Exception {
        broker = BROKER.connect("msg-it");
        TOPOLOGY.declare(broker, QUEUES);
        TOPOLOGY.declare(broker, QUEUES); // idempotent
        BATCH_TOPOLOGY.declare(broker, List.of(new QueueDefinition(EXCHANGE, "direct", BATCHED, BATCHED, false)));
        publisher = new MessagePublisher(BROKER, "msg-it publisher");
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("create table if not exists msg_it_delivery (id bigint auto_increment primary key,"
                    + " queue varchar(40) not null, message_id varchar(200) not null, kind varchar(10) not null,"
                    + " tx varchar(200), at datetime(3) not null)");
            s.execute("alter table msg_it_delivery add column if not exists tx varchar(200) after kind");
        }
    }

    @AfterAll
    static void deleteQueues() throws Exception {
        // the schema is the API's: a later test deploying abiquo.ear on a fresh schema needs it empty (Flyway)
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("drop table if exists msg_it_delivery");
        }
        if (publisher != null) {
            publisher.close();
        }
        if (broker != null) {
            try (Channel ch = broker.createChannel()) {
                for (String q : List.of(ORDERED, FAILING, RECONNECT, DLQ, BATCHED, BATCH_DLQ)) {
                    ch.queueDelete(q);
                }
                ch.exchangeDelete(EXCHANGE);
                ch.exchangeDelete(DLX);
                ch.exchangeDelete(BATCH_DLX);
            }
            broker.close();
        }
    }

    @Test
    void queuedMessagesAreProcessedOnceInOrderOnlyWhileDeliveryIsActive() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(publish(ORDERED, "ordered-" + i, "{\"n\":" + i + "}"));
        }
        assertThat(deliveryActive("OrderedMdb")).isFalse();
        assertThat(consumers(ORDERED)).as("consumers while delivery is inactive").isZero();
        assertThat(messages(ORDERED)).isEqualTo(20);

        delivery("OrderedMdb", true);
        assertThat(deliveryActive("OrderedMdb")).isTrue();
        await("20 deliveries on " + ORDERED, () -> rows("ordered-%", "delivery").size() == 20);
        assertThat(rows("ordered-%", "delivery")).as("each once, in publication order").containsExactlyElementsOf(ids);
        assertThat(consumers(ORDERED)).isEqualTo(1);

        delivery("OrderedMdb", false);
        await("no consumer on " + ORDERED + " after stop-delivery", () -> consumers(ORDERED) == 0);
        String late = publish(ORDERED, "ordered-late", "{}");
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(rows("ordered-late", "delivery")).as("nothing consumed after stop-delivery").isEmpty();
        assertThat(messages(ORDERED)).isEqualTo(1);

        delivery("OrderedMdb", true);
        await("the late message once delivery is on again", () -> rows("ordered-late", "delivery").equals(List.of(late)));
        delivery("OrderedMdb", false);
    }

    @Test
    void aFailingMessageIsRetriedWithBackoffThenDeadLetteredAndTheOthersGoOn() throws Exception {
        String first = publish(FAILING, "failing-1", "{\"ok\":1}");
        String poison = publish(FAILING, "failing-2", "{\"FAIL\":2}");
        String third = publish(FAILING, "failing-3", "{\"ok\":3}");
        String fourth = publish(FAILING, "failing-4", "{\"ok\":4}");

        delivery("FailingMdb", true);
        await("the messages behind the failing one", () -> rows("failing-%", "delivery").size() == 3);
        assertThat(rows("failing-%", "delivery")).containsExactly(first, third, fourth);
        List<Long> attempts = attemptTimes(poison);
        assertThat(attempts).as("deliveries of the failing message (limit + 1)").hasSize(DELIVERY_LIMIT + 1);
        assertThat(attempts.get(1) - attempts.get(0)).as("redelivery delay (ms)").isGreaterThanOrEqualTo(180);
        assertThat(attempts.get(2) - attempts.get(1)).as("doubled redelivery delay (ms)").isGreaterThanOrEqualTo(360);
        delivery("FailingMdb", false);

        DeadLetters dead = new DeadLetters(BROKER, DLQ);
        await("the failing message in the dead-letter queue", () -> dead.count() == 1);
        List<DeadLetter> letters = dead.list(10);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).messageId()).isEqualTo(poison);
        assertThat(letters.get(0).queue()).isEqualTo(FAILING);
        assertThat(letters.get(0).body()).isEqualTo("{\"FAIL\":2}");
        assertThat(dead.inspect(poison)).contains(letters.get(0));
        assertThat(dead.count()).as("browsing leaves it there").isEqualTo(1);

        assertThat(dead.requeue(poison)).isPresent();
        assertThat(dead.count()).isZero();
        assertThat(messages(FAILING)).as("back in its queue").isEqualTo(1);
        assertThat(dead.requeue("no-such-message")).isEmpty();
    }

    @Test
    void consumptionResumesAfterTheBrokerClosesTheConnection() throws Exception {
        delivery("ReconnectMdb", true);
        String before = publish(RECONNECT, "reconnect-1", "{}");
        await("a message before the cut", () -> rows("reconnect-1", "delivery").equals(List.of(before)));

        assertThat(Rabbitmqctl.closeConnections("abiquo-jms-ra " + RECONNECT)).as("connections closed").isEqualTo(1);
        await("consumer back after the cut", () -> consumers(RECONNECT) == 1);
        String after = publish(RECONNECT, "reconnect-2", "{}");
        await("a message after the cut", () -> rows("reconnect-2", "delivery").equals(List.of(after)));
        assertThat(rows("reconnect-%", "delivery")).containsExactly(before, after);

        delivery("ReconnectMdb", false);
        await("no consumer after stop-delivery", () -> consumers(RECONNECT) == 0);
    }

    @Test
    void aBatchIsCommittedWholeOrNotAtAllAndAPoisonMessageReachesTheDeadLetterQueueAlone() throws Exception {
        List<String> good = new ArrayList<>();
        String poison = null;
        for (int i = 0; i < 20; i++) {
            String id = publish(BATCHED, "batch-" + i, i == 5 ? "{\"FAIL\":5}" : "{\"n\":" + i + "}");
            if (i == 5) {
                poison = id;
            } else {
                good.add(id);
            }
        }
        DeadLetters dead = new DeadLetters(BROKER, BATCH_DLQ);
        String poisonId = poison;

        delivery("BatchedMdb", true);
        await("the 19 good messages", () -> rows("batch-%", "delivery").size() == 19);
        await("the poison message in the dead-letter queue", () -> dead.inspect(poisonId).isPresent());
        delivery("BatchedMdb", false);

        assertThat(rows("batch-%", "delivery")).as("each good message committed once, in publication order")
                .containsExactlyElementsOf(good);
        assertThat(attemptTimes(good.get(0))).as("the first message shared the poison's batch, which came back whole")
                .hasSizeGreaterThan(1);
        assertThat(attemptTimes(poison)).as("deliveries of the poison message (limit + 1)").hasSize(DELIVERY_LIMIT + 1);
        assertThat(transactionSizes("batch-%")).as("messages per committed transaction")
                .allMatch(n -> n <= MAX_BATCH).anyMatch(n -> n > 1);
        assertThat(dead.list(10)).extracting(DeadLetter::messageId).containsExactly(poison);
        assertThat(messages(BATCHED)).isZero();
    }

    @Test
    void aBatchInFlightIsAcknowledgedOnlyAfterItsCommitAndStopDeliveryWaitsForIt() throws Exception {
        List<String> ids = List.of(publish(BATCHED, "slowbatch-1", "{}"), publish(BATCHED, "slowbatch-2", "{}"),
                publish(BATCHED, "slowbatch-3", "{\"SLOW\":3}"));
        delivery("BatchedMdb", true);
        await("the slow message in its transaction", () -> attemptTimes(ids.get(2)).size() == 1);
        assertThat(rows("slowbatch-%", "delivery")).as("nothing committed yet").isEmpty();

        long started = System.nanoTime();
        delivery("BatchedMdb", false); // returns once the batch in flight has ended
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("stop-delivery (ms)").isLessThan(10_000);
        assertThat(rows("slowbatch-%", "delivery")).as("committed by the time stop-delivery returned")
                .containsExactlyElementsOf(ids);
        assertThat(transactionSizes("slowbatch-%")).as("in one transaction").containsExactly(3);
        assertThat(messages(BATCHED)).as("acknowledged before the session closed: none requeued by the stop").isZero();
        assertThat(attemptTimes(ids.get(0))).as("delivered once").hasSize(1);
    }

    @Test
    void redeclaringWithOtherArgumentsNamesTheQueue() {
        Topology other = new Topology(DLX, DLQ, DELIVERY_LIMIT + 5);
        assertThatThrownBy(() -> other.declare(broker, List.of(QUEUES.get(1))))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("queue '" + FAILING + "'")
                .hasMessageContaining("PRECONDITION_FAILED")
                .hasMessageContaining("x-delivery-limit");
    }

    // --- helpers

    private String publish(String queue, String name, String json) {
        String id = RUN + "-" + name;
        publisher.publishJson(EXCHANGE, queue, id, json);
        return id;
    }

    private void delivery(String mdb, boolean on) throws IOException {
        ModelNode result = management.getControllerClient().execute(
                Operations.createOperation(on ? "start-delivery" : "stop-delivery", mdbAddress(mdb)));
        assertThat(Operations.isSuccessfulOutcome(result)).as(result.toString()).isTrue();
    }

    private boolean deliveryActive(String mdb) throws IOException {
        ModelNode result = management.getControllerClient().execute(
                Operations.createReadAttributeOperation(mdbAddress(mdb), "delivery-active"));
        assertThat(Operations.isSuccessfulOutcome(result)).as(result.toString()).isTrue();
        return Operations.readResult(result).asBoolean();
    }

    private static ModelNode mdbAddress(String mdb) {
        return Operations.createAddress("deployment", EAR, "subdeployment", JAR, "subsystem", "ejb3",
                "message-driven-bean", mdb);
    }

    private static int consumers(String queue) {
        try (Channel ch = broker.createChannel()) {
            return ch.queueDeclarePassive(queue).getConsumerCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int messages(String queue) throws Exception {
        try (Channel ch = broker.createChannel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private static List<String> rows(String namePattern, String kind) throws SQLException {
        return query("select message_id from msg_it_delivery where message_id like ? and kind = ? order by id",
                RUN + "-" + namePattern, kind);
    }

    /** Committed deliveries per transaction, oldest transaction first. */
    private static List<Integer> transactionSizes(String namePattern) throws SQLException {
        return query("select count(*) from msg_it_delivery where message_id like ? and kind = ? group by tx order by min(id)",
                RUN + "-" + namePattern, "delivery").stream().map(Integer::valueOf).toList();
    }

    private static List<Long> attemptTimes(String messageId) throws SQLException {
        List<Long> result = new ArrayList<>();
        for (String t : query("select cast(unix_timestamp(at) * 1000 as unsigned) from msg_it_delivery"
                + " where message_id = ? and kind = ? order by id", messageId, "attempt")) {
            result.add(Long.parseLong(t));
        }
        return result;
    }

    private static List<String> query(String sql, String... args) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<String> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "abiquo", "abiquo");
    }

    private static void await(String what, BooleanSupplierWithException condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    @FunctionalInterface
    private interface BooleanSupplierWithException {
        boolean getAsBoolean() throws Exception;
    }

}
