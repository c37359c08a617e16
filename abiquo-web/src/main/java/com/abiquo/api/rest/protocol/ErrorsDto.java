package com.abiquo.api.rest.protocol;

import java.util.ArrayList;
import java.util.List;

/** {@code {"collection":[{"code":"DC-0","message":"..."}]}}, as {@value #TYPE}. */
public class ErrorsDto {
    public static final String TYPE = AbiquoMediaTypes.ERRORS;

    public List<ErrorDto> collection = new ArrayList<>();
}
