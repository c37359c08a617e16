package com.abiquo.jms.ra;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Publishes {@link Consumers} as {@code com.abiquo.jms.ra:type=InboundConsumers,adapter=<id>}, so
 * that the application can tell when WildFly has deactivated an MDB (at suspend, the deliveryActive
 * flag does not change) with a read that costs no management operation.
 */
public final class InboundConsumers implements InboundConsumersMBean {

    public static final String PATTERN = "com.abiquo.jms.ra:type=InboundConsumers,*";
    private static final Logger LOG = Logger.getLogger(InboundConsumers.class.getName());

    private final ObjectName name;

    private InboundConsumers(ObjectName name) {
        this.name = name;
    }

    @Override
    public String[] getConsumingQueues() {
        return Consumers.snapshot().stream().map(ConsumerStatus::queue).toArray(String[]::new);
    }

    /** Registered for as long as the adapter runs; null if JMX refused it (nothing depends on it but a faster handover). */
    static InboundConsumers register(Object adapter) {
        try {
            ObjectName name = new ObjectName("com.abiquo.jms.ra:type=InboundConsumers,adapter="
                    + Integer.toHexString(System.identityHashCode(adapter)));
            InboundConsumers bean = new InboundConsumers(name);
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, name);
            return bean;
        } catch (JMException | RuntimeException e) {
            LOG.warning("Cannot publish the adapter's consumers in JMX: " + e);
            return null;
        }
    }

    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException | RuntimeException e) {
            LOG.fine(() -> "Unregistering " + name + ": " + e);
        }
    }
}
