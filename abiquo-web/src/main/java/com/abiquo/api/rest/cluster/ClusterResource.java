package com.abiquo.api.rest.cluster;

import java.time.Instant;
import java.util.Optional;

import com.abiquo.api.cluster.LeadElectionContextListener;
import com.abiquo.api.cluster.LeaderElection;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.security.Requires;
import com.abiquo.cluster.LeaderEpoch;
import com.abiquo.cluster.Leadership;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /api/admin/cluster}: who leads, who takes part, the epoch, this node's leader-only consumers. */
@Path("admin/cluster")
@RequestScoped
public class ClusterResource {

    @Inject
    Leadership leadership;

    @Inject
    LeaderEpoch epochs;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({ClusterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.CLUSTER_VIEW)
    public ClusterDto cluster() {
        ClusterDto dto = new ClusterDto();
        dto.node = leadership.nodeName();
        dto.thisNodeLeads = leadership.isLeader();
        Optional<LeaderElection> election = LeadElectionContextListener.election();
        if (election.isPresent()) {
            dto.mode = "ZOOKEEPER";
            dto.electionPath = election.get().path();
            dto.zookeeperConnected = election.get().connected();
            try {
                for (LeaderElection.Participant p : election.get().participants()) {
                    ClusterDto.Participant out = new ClusterDto.Participant();
                    out.znode = p.znode();
                    out.sequence = p.sequence();
                    out.node = p.node();
                    out.leader = p.leader();
                    dto.participants.add(out);
                    if (p.leader()) {
                        dto.leader = p.node();
                    }
                }
            } catch (Exception e) {
                throw ApiException.of(ApiError.SERVICE_UNAVAILABLE, "ZooKeeper");
            }
        } else {
            dto.mode = "SINGLE_NODE";
            dto.leader = dto.thisNodeLeads ? dto.node : null;
        }
        LeaderEpoch.State state = epochs.read();
        dto.epoch = state.epoch();
        dto.epochHolder = state.leader();
        dto.leaderSince = state.since().map(Instant::toString).orElse(null);
        dto.leaderHeartbeat = state.heartbeat().map(Instant::toString).orElse(null);
        for (String[] mdb : leadership.delivery().describe()) {
            ClusterDto.Consumer c = new ClusterDto.Consumer();
            c.name = mdb[0];
            c.deliveryActive = mdb[1];
            dto.leaderOnlyConsumers.add(c);
        }
        dto.add(Links.of(uriInfo).link("self", ClusterDto.TYPE, "admin/cluster"));
        return dto;
    }
}
