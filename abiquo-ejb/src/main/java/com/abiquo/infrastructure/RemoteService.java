package com.abiquo.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One service of a datacenter's remote services (abiquo-rs), reached at its URI. */
@Entity
@Table(name = "remote_service")
public class RemoteService {

    public static final int STATUS_OK = 1;
    public static final int STATUS_ERROR = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private RemoteServiceType type;

    @Column(nullable = false)
    private String uri;

    @Column(nullable = false)
    private int status;

    private String uuid;

    @Version
    private int version;

    protected RemoteService() {
    }

    public RemoteService(Datacenter datacenter, RemoteServiceType type, String uri) {
        this.datacenter = datacenter;
        this.type = type;
        this.uri = uri;
    }

    public Integer getId() {
        return id;
    }

    public Datacenter getDatacenter() {
        return datacenter;
    }

    public RemoteServiceType getType() {
        return type;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public int getStatus() {
        return status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }
}
