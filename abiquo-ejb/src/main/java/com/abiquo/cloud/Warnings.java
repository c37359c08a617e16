package com.abiquo.cloud;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;

/** What a request did despite a soft limit (forced): the resource answers it as a Warning header. */
@RequestScoped
public class Warnings {

    private final List<String> messages = new ArrayList<>();

    public void add(String message) {
        messages.add(message);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }
}
