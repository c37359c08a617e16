package com.abiquo.api.rest.cluster;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.messaging.DeadLetter;

/** {@code deadletter+json}: a message the platform could not handle, with why and where it came from. */
public class DeadLetterDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "deadletter+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "deadletters+json";

    public String messageId;
    public String queue;
    public String exchange;
    public List<String> routingKeys;
    public String reason;
    public long deaths;
    public String body;

    static DeadLetterDto from(DeadLetter d, Links links) {
        DeadLetterDto dto = new DeadLetterDto();
        dto.messageId = d.messageId();
        dto.queue = d.queue();
        dto.exchange = d.exchange();
        dto.routingKeys = d.routingKeys();
        dto.reason = d.reason();
        dto.deaths = d.deaths();
        dto.body = d.body();
        if (d.messageId() != null) {
            String self = "admin/deadletters/" + d.messageId();
            dto.add(links.link("self", TYPE, self));
            dto.add(links.link("requeue", TYPE, self + "/action/requeue"));
        }
        return dto;
    }
}
