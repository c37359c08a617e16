package com.abiquo.api.rest.protocol;

/** One entry of an Abiquo error body. */
public class ErrorDto {
    public String code;
    public String message;

    public ErrorDto() {
    }

    public ErrorDto(String code, String message) {
        this.code = code;
        this.message = message;
    }
}
