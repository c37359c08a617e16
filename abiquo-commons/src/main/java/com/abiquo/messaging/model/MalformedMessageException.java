package com.abiquo.messaging.model;

/** A message that does not follow the contract: it can never be handled, so it is dead-lettered. */
public class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
