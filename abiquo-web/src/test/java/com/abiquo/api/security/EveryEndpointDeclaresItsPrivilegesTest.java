package com.abiquo.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * The authorization filter refuses a resource method that declares neither {@link Requires} nor
 * {@link Public}; this test finds such a method before a user does.
 */
class EveryEndpointDeclaresItsPrivilegesTest {

    @Test
    void everyResourceMethodIsGuarded() throws Exception {
        List<String> unguarded = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                boolean endpoint = Stream.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class)
                        .anyMatch(m::isAnnotationPresent) || (m.isAnnotationPresent(jakarta.ws.rs.Path.class));
                if (!endpoint) {
                    continue;
                }
                checked++;
                boolean guarded = m.isAnnotationPresent(Requires.class) || m.isAnnotationPresent(Public.class)
                        || type.isAnnotationPresent(Requires.class) || type.isAnnotationPresent(Public.class);
                if (!guarded) {
                    unguarded.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(checked).as("resource methods found").isGreaterThan(5);
        assertThat(unguarded).as("methods without @Requires or @Public").isEmpty();
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, EveryEndpointDeclaresItsPrivilegesTest.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
