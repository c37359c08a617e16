package com.abiquo.messaging;

/** A message could not be published or read: the broker is down or refused it. */
public class MessagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
