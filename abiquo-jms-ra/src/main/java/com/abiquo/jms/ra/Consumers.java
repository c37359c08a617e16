package com.abiquo.jms.ra;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every activation of this adapter in this JVM, for health views: the EAR's modules see this class
 * through the EAR class loader.
 */
public final class Consumers {

    private static final Set<Activation> ACTIVE = ConcurrentHashMap.newKeySet();

    private Consumers() {
    }

    /** The status of every MDB whose delivery is active on this server, by queue name. */
    public static List<ConsumerStatus> snapshot() {
        return ACTIVE.stream().map(Activation::status).sorted(Comparator.comparing(ConsumerStatus::queue)).toList();
    }

    static void add(Activation a) {
        ACTIVE.add(a);
    }

    static void remove(Activation a) {
        ACTIVE.remove(a);
    }
}
