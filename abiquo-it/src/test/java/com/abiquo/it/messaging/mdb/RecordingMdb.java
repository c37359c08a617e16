package com.abiquo.it.messaging.mdb;

import jakarta.ejb.EJB;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Records each delivery of a message by its id; a body containing FAIL throws after the insert, one
 * containing SLOW takes 5 s after it (its transaction stays open).
 */
public abstract class RecordingMdb implements MessageListener {

    @EJB
    private Deliveries deliveries;

    protected abstract String queueRole();

    @Override
    public void onMessage(Message message) {
        try {
            String id = message.getStringProperty("messageId");
            String body = message instanceof jakarta.jms.BytesMessage b ? text(b) : message.getBody(String.class);
            deliveries.attempted(queueRole(), id);
            deliveries.delivered(queueRole(), id);
            if (body.contains("FAIL")) {
                throw new IllegalStateException("failing on purpose: " + id);
            }
            if (body.contains("SLOW")) {
                Thread.sleep(5_000);
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(jakarta.jms.BytesMessage b) throws JMSException {
        byte[] bytes = new byte[(int) b.getBodyLength()];
        b.readBytes(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
