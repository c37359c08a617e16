package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.RestDto;

/** {@code rack+json}. */
public class RackDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "rack+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "racks+json";
}
