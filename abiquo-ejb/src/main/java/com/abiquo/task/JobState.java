package com.abiquo.task;

/** Abiquo's job states; a new job is PENDING with rollback state UNKNOWN. */
public enum JobState {
    PENDING, STARTED, DONE, FAILED, SKIPPED, ROLLBACK_STARTED, ROLLBACK_DONE, ROLLBACK_FAILED, UNKNOWN
}
