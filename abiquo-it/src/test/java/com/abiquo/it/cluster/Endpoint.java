package com.abiquo.it.cluster;

import com.abiquo.it.Api;

/** Where a test reaches a server: a node of a {@link LocalCluster}, or the load balancer of a domain. */
public interface Endpoint {

    /** http://host:port, without a trailing slash. */
    String root();

    default String url(String path) {
        return root() + "/api/" + path;
    }

    default Api api() {
        return Api.admin().base(root() + "/api");
    }

    /** An endpoint at {@code root} (e.g. the balancer). */
    static Endpoint at(String root) {
        return () -> root;
    }
}
