package com.abiquo.api.rest.cluster;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.cluster.ConsumerProbes;

/** {@code probe+json}: a probe sent through a leader-only queue, and what the leader did with it. */
public class ProbeDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "probe+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "probes+json";

    public String id;
    public String queue;
    public String node;
    public Long epoch;
    public Integer handled;
    public String processedAt;

    static ProbeDto sent(String id) {
        ProbeDto dto = new ProbeDto();
        dto.id = id;
        return dto;
    }

    static ProbeDto from(ConsumerProbes.Probe p) {
        ProbeDto dto = sent(p.id());
        dto.queue = p.queue();
        dto.node = p.node();
        dto.epoch = p.epoch();
        dto.handled = p.handled();
        dto.processedAt = p.processedAt() == null ? null : p.processedAt().toString();
        return dto;
    }
}
