package com.abiquo.messaging.model;

import java.time.Instant;
import java.util.Map;

/**
 * What a datacenter's monitor publishes when a VM changed on its host without the platform (powered
 * off on the host, removed, ...), to exchange {@code abiquo.vsm} (direct), routing key and queue
 * {@code abiquo.vsm.eventsynk}, {@code messageId} header = {@link #messageId()}. JSON:
 *
 * <pre>
 * {"type": "vsm.event", "messageId", "datacenterId", "machineIp", "vmUuid", "state", "observedAt", "sequence"}
 * </pre>
 *
 * {@code state} NOT_FOUND: the VM is gone from its host; UNKNOWN: the host cannot be read.
 * {@code sequence} increases with every event of a monitor, also across its restarts (it starts
 * from the clock in microseconds), so the leader can drop an event older than one it applied.
 */
public record VmStateEvent(String messageId, String datacenterId, String machineIp, String vmUuid, VmState state,
        Instant observedAt, long sequence) {

    public static final String TYPE = "vsm.event";

    public VmStateEvent {
        HypervisorConnection.require(messageId, "messageId");
        HypervisorConnection.require(datacenterId, "datacenterId");
        HypervisorConnection.require(machineIp, "machineIp");
        HypervisorConnection.require(vmUuid, "vmUuid");
        if (state == null || observedAt == null) {
            throw new IllegalArgumentException("state and observedAt are required");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive");
        }
    }

    public String toJson() {
        Map<String, Object> m = Fields.envelope(TYPE, messageId, datacenterId);
        m.put("machineIp", machineIp);
        m.put("vmUuid", vmUuid);
        m.put("state", state.name());
        m.put("observedAt", observedAt.toString());
        m.put("sequence", sequence);
        return Json.write(m);
    }

    /** @throws MalformedMessageException naming the first field that breaks the contract */
    public static VmStateEvent fromJson(String json) {
        Fields f = Fields.message(json, TYPE);
        return Fields.checked(() -> new VmStateEvent(f.string("messageId"), f.string("datacenterId"),
                f.string("machineIp"), f.string("vmUuid"), f.enumValue("state", VmState.class),
                f.instant("observedAt"), f.number("sequence", 1, Long.MAX_VALUE)));
    }
}
