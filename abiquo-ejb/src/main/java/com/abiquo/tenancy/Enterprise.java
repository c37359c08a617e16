package com.abiquo.tenancy;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A tenant: its users, its limits and (later) its virtual datacenters. */
@Entity
@Table(name = "enterprise")
public class Enterprise {

    public static final String DEFAULT_NAME = "Abiquo";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 40)
    private String name;

    @Embedded
    private Limits limits = new Limits();

    @Column(name = "reservation_restricted", nullable = false)
    private boolean reservationRestricted;

    @ElementCollection
    @CollectionTable(name = "enterprise_property", joinColumns = @JoinColumn(name = "enterprise_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "value")
    private Map<String, String> properties = new HashMap<>();

    @Version
    private int version;

    protected Enterprise() {
    }

    public Enterprise(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Limits getLimits() {
        return limits;
    }

    public boolean isReservationRestricted() {
        return reservationRestricted;
    }

    public void setReservationRestricted(boolean reservationRestricted) {
        this.reservationRestricted = reservationRestricted;
    }

    public Map<String, String> getProperties() {
        return properties;
    }
}
