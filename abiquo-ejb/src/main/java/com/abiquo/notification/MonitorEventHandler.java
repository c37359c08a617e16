package com.abiquo.notification;

import java.util.logging.Logger;

import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineState;
import com.abiquo.cluster.LeaderMessage;
import com.abiquo.cluster.LeaderMessageHandler;
import com.abiquo.messaging.model.VmState;
import com.abiquo.messaging.model.VmStateEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The leader applies what a datacenter's monitor saw change outside the platform: a deployed VM
 * powered off, paused or on at its host, gone from it, or on a host that cannot be read (both
 * UNKNOWN). A VM that a task holds LOCKED is left to the task, and an event older than the last
 * one applied to the VM is stale.
 */
@ApplicationScoped
public class MonitorEventHandler implements LeaderMessageHandler {

    private static final Logger LOG = Logger.getLogger(MonitorEventHandler.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Override
    public String type() {
        return VmStateEvent.TYPE;
    }

    @Override
    public void handle(LeaderMessage message) {
        VmStateEvent e = VmStateEvent.fromJson(message.body().toString());
        VirtualMachine vm = em.createQuery("select m from VirtualMachine m where m.uuid = :u", VirtualMachine.class)
                .setParameter("u", e.vmUuid()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst().orElse(null);
        String ignored = vm == null ? "no such virtual machine"
                : vm.getMachine() == null ? "the virtual machine is not deployed"
                : vm.getState() == VirtualMachineState.LOCKED ? "a task holds the virtual machine"
                : e.sequence() <= vm.getMonitorSequence() ? "stale (sequence " + e.sequence() + ")" : null;
        if (ignored != null) {
            LOG.info(() -> "Monitor event " + e.messageId() + " for " + e.vmUuid() + " ignored: " + ignored);
            return;
        }
        VirtualMachineState before = vm.getState();
        VirtualMachineState now = observed(e.state());
        vm.setMonitorSequence(e.sequence());
        vm.setState(now);
        LOG.info(() -> "Virtual machine " + vm.getId() + " changed outside the platform on " + e.machineIp() + ": "
                + before + " -> " + now);
    }

    static VirtualMachineState observed(VmState s) {
        return switch (s) {
            case ON -> VirtualMachineState.ON;
            case OFF, CONFIGURED -> VirtualMachineState.OFF;
            case PAUSED -> VirtualMachineState.PAUSED;
            case NOT_FOUND, UNKNOWN -> VirtualMachineState.UNKNOWN;
        };
    }
}
