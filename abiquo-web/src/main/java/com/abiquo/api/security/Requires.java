package com.abiquo.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.abiquo.security.Privilege;

/**
 * What a resource method needs: any one of the privileges, or only an authenticated caller when
 * none is named. Every resource method carries it (or {@link Public}); one without is refused.
 * Tenancy (which enterprise's resources) is checked by the services on top of this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Privilege[] value() default {};
}
