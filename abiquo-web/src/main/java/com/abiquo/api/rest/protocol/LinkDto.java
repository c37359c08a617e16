package com.abiquo.api.rest.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {rel, href, type, title}}: how every representation points at others. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LinkDto {
    public String rel;
    public String href;
    public String type;
    public String title;

    public LinkDto() {
    }

    public LinkDto(String rel, String href, String type, String title) {
        this.rel = rel;
        this.href = href;
        this.type = type;
        this.title = title;
    }
}
