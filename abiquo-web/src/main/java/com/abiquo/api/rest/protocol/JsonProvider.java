package com.abiquo.api.rest.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON for every representation, with Jackson configured once: unknown fields ignored (clients
 * send more than they must), numbers accepted as JSON strings ({@code "cpu":"1"}, as Ansible
 * sends) but never fractions for whole numbers, and every document validated (Bean Validation)
 * as it is read, so that a resource only ever sees well-formed input. Any problem is a 400 with
 * an Abiquo error body naming the field.
 */
@Provider
@Consumes({"application/json", "application/*+json"})
@Produces({"application/json", "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !type.isPrimitive() && type != String.class && !InputStream.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream in = new PushbackInputStream(entity, 1);
        int first = in.read();
        if (first == -1) {
            return null; // an absent body; resources that need one say so
        }
        in.unread(first);
        Object value;
        try {
            value = MAPPER.readValue(in, MAPPER.constructType(genericType));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("document");
            throw ApiException.of(ApiError.INVALID_DOCUMENT, "invalid value for '" + field + "'");
        } catch (JsonProcessingException e) {
            throw ApiException.of(ApiError.INVALID_DOCUMENT, "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (value != null) {
            validate(value);
        }
        return value;
    }

    /** Bean Validation of a document: every violation becomes one entry of the error body. */
    public static void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            List<ApiException.Entry> errors = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new ApiException.Entry("CONSTR-" + v.getConstraintDescriptor().getAnnotation()
                            .annotationType().getSimpleName().toUpperCase(), v.getPropertyPath() + ": " + v.getMessage()))
                    .toList();
            throw new ApiException(400, errors);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class;
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        MAPPER.writeValue(out, value);
    }
}
