package com.abiquo.infrastructure;

/** States of a physical machine, as in Abiquo; only MANAGED machines take virtual machines. */
public enum MachineState {
    STOPPED, PROVISIONED, NOT_MANAGED, MANAGED, HALTED, UNLICENSED, HA_IN_PROGRESS, DISABLED_FOR_HA, HALTED_FOR_SAVE
}
