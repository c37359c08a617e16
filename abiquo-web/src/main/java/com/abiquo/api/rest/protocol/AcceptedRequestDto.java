package com.abiquo.api.rest.protocol;

/** The answer to an asynchronous action: 202 and a {@code status} link to follow. */
public class AcceptedRequestDto extends RestDto {
    public static final String TYPE = "application/vnd.abiquo.acceptedrequest+json";

    public String entity = "You can keep track of the progress in the link";
}
