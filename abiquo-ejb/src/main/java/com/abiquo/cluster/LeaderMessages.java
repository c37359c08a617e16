package com.abiquo.cluster;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import com.abiquo.messaging.DeadLetter;
import com.abiquo.messaging.Messaging;
import com.abiquo.messaging.model.MalformedMessageException;
import com.abiquo.persistence.JsonP;
import org.slf4j.MDC;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What every leader-only MDB does with a message, in the MDB's own transaction: (1) fencing, the
 * epoch this node leads with must still be current (else the transaction rolls back and the
 * message returns to the queue for the real leader); (2) idempotency, the message id is recorded
 * in {@code processed_message} in the same transaction, so a redelivery after a crash between
 * commit and acknowledgement changes nothing (unless its handler recognises repeats by itself, as
 * the job notifications' sequence numbers do); (3) the handler of its type. A message that cannot
 * be read goes to the dead-letter queue with the reason, never silently dropped.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LeaderMessages {

    private static final Logger LOG = Logger.getLogger(LeaderMessages.class.getName());
    /** Resource key of the epoch the current transaction was fenced with. */
    private static final String FENCED = LeaderMessages.class.getName() + ".fencedEpoch";

    @Resource
    private TransactionSynchronizationRegistry registry;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Leadership leadership;

    @EJB
    private LeaderEpoch epochs;

    @EJB
    private Messaging messaging;

    @Inject
    @Any
    private Instance<LeaderMessageHandler> handlers;

    /**
     * Handles one message in the caller's transaction, which may hold several messages of the
     * queue (a batch the resource adapter commits as one): each is checked, recorded and handled
     * in turn, as it would be in a transaction of its own.
     */
    public void handle(String queue, Message message) {
        long epoch = leadership.epochToHandleWith();
        fence(epoch);
        String id;
        String raw;
        try {
            id = message.getStringProperty("messageId");
            if (id == null) {
                id = message.getJMSMessageID();
            }
            raw = body(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a message of " + queue + ": " + e.getMessage(), e);
        }
        // an unreadable message is dead-lettered before it is recorded: once fixed and requeued it is handled
        JsonObject body;
        try {
            body = JsonP.readObject(raw);
        } catch (JsonException | IllegalStateException e) {
            deadLetter(queue, id, raw, "not a JSON object: " + e.getMessage());
            return;
        }
        String type = body.getString("type", "");
        LeaderMessageHandler handler = null;
        for (LeaderMessageHandler candidate : handlers) {
            if (candidate.type().equals(type)) {
                handler = candidate;
            }
        }
        if (handler == null) {
            deadLetter(queue, id, raw, "no handler for message type '" + type + "'");
            return;
        }
        // every line logged while handling it names the message, the epoch and the task (in server.json)
        MDC.put("messageId", id);
        MDC.put("epoch", Long.toString(epoch));
        String taskId = body.getString("taskId", null);
        if (taskId != null) {
            MDC.put("taskId", taskId);
        }
        try {
            handleOnce(queue, id, raw, type, handler, body, epoch);
        } finally {
            MDC.remove("messageId");
            MDC.remove("epoch");
            MDC.remove("taskId");
        }
    }

    /**
     * The fencing check, once per transaction and epoch: its shared lock on the epoch row is held
     * until the commit, so a new leader's bump waits for the whole transaction, every message of it.
     */
    private void fence(long epoch) {
        if (!Long.valueOf(epoch).equals(registry.getResource(FENCED))) {
            epochs.requireCurrent(epoch);
            registry.putResource(FENCED, epoch);
        }
    }

    private void handleOnce(String queue, String id, String raw, String type, LeaderMessageHandler handler,
            JsonObject body, long epoch) {
        int fresh = handler.recognisesRepeats() ? 1
                : em.createNativeQuery("INSERT IGNORE INTO processed_message (consumer, message_id, epoch) VALUES (?,?,?)")
                        .setParameter(1, queue).setParameter(2, id).setParameter(3, epoch).executeUpdate();
        if (fresh == 0) {
            String duplicate = id;
            LOG.info(() -> "Message " + duplicate + " of " + queue + " was already handled: acknowledged, nothing done");
            return;
        }
        try {
            handler.handle(new LeaderMessage(id, queue, type, body, epoch));
        } catch (MalformedMessageException e) {
            // handlers read the contract before they write anything: nothing to undo
            deadLetter(queue, id, raw, "malformed " + type + ": " + e.getMessage());
        }
        // the next message of the transaction starts from kinton as it is now, not from entities
        // this one loaded (native updates, such as a machine's usage, do not change them)
        em.flush();
        em.clear();
    }

    /**
     * Published at once, confirmed, inside the transaction: should a later message of the same
     * batch roll it back, this one comes back and is dead-lettered again (the dead-letter queue
     * may then hold it twice, with the same id).
     */
    private void deadLetter(String queue, String id, String raw, String reason) {
        LOG.warning(() -> "Message " + id + " of " + queue + " dead-lettered: " + reason);
        messaging.publisher().publish(com.abiquo.messaging.Queues.DEAD_LETTER_EXCHANGE, queue, id, raw,
                java.util.Map.of(DeadLetter.REASON_HEADER, reason, DeadLetter.QUEUE_HEADER, queue));
    }

    private static String body(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            byte[] b = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(b);
            return new String(b, StandardCharsets.UTF_8);
        }
        return message.getBody(String.class);
    }
}
