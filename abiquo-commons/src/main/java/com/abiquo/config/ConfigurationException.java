package com.abiquo.config;

/** A missing or malformed key in abiquo.properties: the node must not start with it. */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
