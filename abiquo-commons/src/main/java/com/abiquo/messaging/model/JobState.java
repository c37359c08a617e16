package com.abiquo.messaging.model;

/** The states a job reports in a {@link JobNotification}. */
public enum JobState {
    STARTED, DONE, FAILED, ROLLBACK_DONE
}
