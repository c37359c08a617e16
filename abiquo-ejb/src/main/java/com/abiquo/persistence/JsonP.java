package com.abiquo.persistence;

import java.io.StringReader;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * JSON-P through a provider looked up once. {@code jakarta.json.Json}'s static methods look the
 * provider up again on every call (a ServiceLoader scan): measured at ~7% of an API node's CPU
 * under deploys (the leader reads and writes each task's jobs as JSON at every notification).
 */
public final class JsonP {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }

    public static JsonObject readObject(String json) {
        try (var reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static JsonArray readArray(String json) {
        try (var reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }
}
