package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.RestDto;

/** {@code remoteservice+json}. */
public class RemoteServiceDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "remoteservice+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "remoteservices+json";
}
