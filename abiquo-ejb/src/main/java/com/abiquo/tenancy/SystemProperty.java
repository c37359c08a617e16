package com.abiquo.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A setting of the whole installation, e.g. {@code client.network.defaultName}. */
@Entity
@Table(name = "system_property")
public class SystemProperty {

    /** Properties anybody authenticated may read: the clients' own settings. */
    public static final String CLIENT_PREFIX = "client.";

    /** The name; called id so that collections (PagedQuery) order and page it like any entity. */
    @Id
    @Column(name = "name", length = 128)
    private String id;

    @Column(nullable = false, length = 1024)
    private String value;

    @Column(nullable = false)
    private String description = "";

    protected SystemProperty() {
    }

    public String getName() {
        return id;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getDescription() {
        return description;
    }
}
