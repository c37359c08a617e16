package com.abiquo.cluster;

import jakarta.ejb.ApplicationException;

/**
 * A leader-side transaction found that this node no longer holds the current epoch: another node
 * leads now. The transaction rolls back, so nothing a deposed leader does is ever committed.
 */
@ApplicationException(rollback = true)
public class FencedOutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FencedOutException(String message) {
        super(message);
    }
}
