package com.abiquo.api.rest.cluster;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.abiquo.api.cluster.LeadElectionContextListener;
import com.abiquo.api.cluster.LeaderElection;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.QueryParams;
import com.abiquo.api.security.Requires;
import com.abiquo.cluster.ConsumerProbes;
import com.abiquo.cluster.LeaderEpoch;
import com.abiquo.cluster.Leadership;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.messaging.Messaging;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /api/admin/cluster}: who leads, who takes part, the epoch, this node's leader-only consumers. */
@Path("admin/cluster")
@RequestScoped
public class ClusterResource {

    @Inject
    Leadership leadership;

    @Inject
    LeaderEpoch epochs;

    @Inject
    Messaging messaging;

    @Inject
    ConsumerProbes probes;

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
            if (dto.zookeeperConnected) {
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
                    dto.participantsProblem = "ZooKeeper: " + e.getMessage();
                }
            } else {
                // what this node knows without ZooKeeper: operators still see it, and that it does not lead
                dto.participantsProblem = "ZooKeeper is not reachable from this node";
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
        try {
            for (Messaging.QueueStats q : messaging.queueStats()) {
                ClusterDto.Queue out = new ClusterDto.Queue();
                out.name = q.queue();
                out.leaderOnly = q.leaderOnly();
                out.messages = q.messages();
                out.consumers = q.consumers();
                dto.queues.add(out);
            }
        } catch (IOException | RuntimeException e) {
            dto.queuesProblem = "RabbitMQ: " + e.getMessage();
        }
        Links links = Links.of(uriInfo);
        dto.add(links.link("self", ClusterDto.TYPE, "admin/cluster"));
        dto.add(links.link("probes", ProbeDto.COLLECTION_TYPE, "admin/cluster/probes"));
        return dto;
    }

    /** Sends probes through every leader-only queue (any node may publish); the leader records them. */
    @POST
    @Path("action/probe")
    @Produces({ProbeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.CLUSTER_VIEW)
    public Response probe(@QueryParam("count") @DefaultValue("1") String count, @QueryParam("prefix") String prefix) {
        int n = QueryParams.wholeNumber("count", count, 1, 1000);
        if (prefix != null && !prefix.matches("[A-Za-z0-9_\\-]{1,20}")) {
            throw ApiException.of(ApiError.QUERY_INVALID_PARAMETER, "prefix", "must be 1-20 letters, digits, '_' or '-'");
        }
        List<String> ids = probes.send(n, prefix);
        List<ProbeDto> sent = ids.stream().map(id -> ProbeDto.sent(id)).toList();
        return Response.accepted(com.abiquo.api.rest.protocol.Collections.of(sent, uriInfo, ProbeDto.COLLECTION_TYPE)).build();
    }

    /** The probes the leader recorded lately, newest first. */
    @GET
    @Path("probes")
    @Produces({ProbeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.CLUSTER_VIEW)
    public com.abiquo.api.rest.protocol.CollectionDto<ProbeDto> probes(@QueryParam("limit") @DefaultValue("100") String limit) {
        List<ProbeDto> recent = probes.recent(QueryParams.wholeNumber("limit", limit, 1, 100_000)).stream().map(ProbeDto::from).toList();
        return com.abiquo.api.rest.protocol.Collections.of(recent, uriInfo, ProbeDto.COLLECTION_TYPE);
    }
}
