package com.abiquo.cloud;

/** Abiquo's virtual machine states; the id ({@code idState}) is the ordinal plus one. */
public enum VirtualMachineState {
    NOT_ALLOCATED, ALLOCATED, CONFIGURED, ON, PAUSED, OFF, LOCKED, UNKNOWN;

    public int id() {
        return ordinal() + 1;
    }

    public boolean isDeployed() {
        return this == ON || this == OFF || this == PAUSED;
    }

    public boolean reconfigureAllowed() {
        return this == NOT_ALLOCATED || this == ALLOCATED || this == OFF;
    }
}
