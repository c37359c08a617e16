package com.abiquo.it.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chaos run on standalone WildFly JVMs ({@link LocalCluster}): API nodes with their own port
 * offsets, one remote services server, an in-process ZooKeeper ensemble reached through cuttable
 * links; clients talk to random live API nodes directly.
 */
final class StandaloneTarget implements ChaosTarget {

    private final int zookeeperMembers;
    private LocalCluster cluster;
    private LocalCluster.Node rs;

    StandaloneTarget(int zookeeperMembers) {
        this.zookeeperMembers = zookeeperMembers;
    }

    @Override
    public void start(int apiServers, String datacenter, Map<String, String> remoteServicesProperties) throws Exception {
        cluster = new LocalCluster("chaos", zookeeperMembers, true);
        rs = cluster.startRemoteServices(datacenter, remoteServicesProperties);
        cluster.start(apiServers);
    }

    @Override
    public List<LocalCluster.Node> apiServers() {
        return cluster.nodes();
    }

    @Override
    public Server remoteServices() {
        return rs;
    }

    @Override
    public void restart(Server server) throws Exception {
        if (server == rs) {
            cluster.restartServer(rs, "/abiquo-rs/check");
        } else {
            cluster.restart((LocalCluster.Node) server);
        }
    }

    @Override
    public ZooKeeperEnsemble zookeeper() {
        return cluster.zookeeper();
    }

    @Override
    public void partition(Server server) {
        cluster.partition((LocalCluster.Node) server);
    }

    @Override
    public void heal(Server server) {
        cluster.heal((LocalCluster.Node) server);
    }

    @Override
    public Optional<Named> balancer() {
        return Optional.empty();
    }

    @Override
    public String description() {
        return "standalone WildFly JVMs (" + cluster.nodes().size() + " API nodes, clients on random live ones), "
                + zookeeperMembers + " ZooKeeper members";
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
