package com.abiquo.api.rest.cluster;

import java.util.ArrayList;
import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.RestDto;

/**
 * {@code cluster+json}: the election as this node sees it (participants in order, the leader),
 * the fencing epoch in kinton, and the leader-only consumers of this node.
 */
public class ClusterDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "cluster+json";

    /** ZOOKEEPER, or SINGLE_NODE when no ZooKeeper is configured (the node leads alone). */
    public String mode;
    public String node;
    public boolean thisNodeLeads;
    public String leader;
    public String electionPath;
    public Boolean zookeeperConnected;
    public long epoch;
    public String epochHolder;
    public String leaderSince;
    public String leaderHeartbeat;
    public List<Participant> participants = new ArrayList<>();
    public String participantsProblem;
    public List<Consumer> leaderOnlyConsumers = new ArrayList<>();
    public List<Queue> queues = new ArrayList<>();
    public String queuesProblem;

    public static class Participant {
        public String znode;
        public long sequence;
        public String node;
        public boolean leader;
    }

    public static class Queue {
        public String name;
        public boolean leaderOnly;
        public long messages;
        public long consumers;
    }

    public static class Consumer {
        public String name;
        public String deliveryActive;
    }
}
