package com.abiquo.messaging.model;

/**
 * A virtual machine's state on its hypervisor: CONFIGURED (defined, never powered on since), ON,
 * OFF, PAUSED; NOT_FOUND when the hypervisor does not have it (deconfigured or removed), UNKNOWN
 * when its host cannot be read.
 */
public enum VmState {
    CONFIGURED, ON, OFF, PAUSED, NOT_FOUND, UNKNOWN
}
