package com.abiquo.messaging.model;

/** The states a job reports in a {@link JobNotification}. */
public enum JobState {
    STARTED, DONE, FAILED, ROLLBACK_DONE,
    /** Undoing a job done before a failure failed too: the VM is left as the hypervisor says (vmState). */
    ROLLBACK_FAILED
}
