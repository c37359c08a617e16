package com.abiquo.api.rest.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Base of every representation: its fields and its {@code links}. Input links are matched on
 * rel and href only (clients send arbitrary types, or none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class RestDto {

    public List<LinkDto> links = new ArrayList<>();

    public Optional<LinkDto> link(String rel) {
        if (links == null) {
            return Optional.empty();
        }
        return links.stream().filter(l -> l != null && rel.equals(l.rel) && l.href != null).findFirst();
    }

    public RestDto add(LinkDto link) {
        links.add(link);
        return this;
    }
}
