package com.abiquo.messaging;

/** The broker refused part of the topology; the message says which queue or exchange and why. */
public class TopologyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
