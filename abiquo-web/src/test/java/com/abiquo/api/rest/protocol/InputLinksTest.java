package com.abiquo.api.rest.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.abiquo.error.ApiException;

class InputLinksTest {

    static class Body extends RestDto {
    }

    static Body with(String rel, String href) {
        Body b = new Body();
        b.add(new LinkDto(rel, href, "any/type", null));
        return b;
    }

    @Test
    void idsComeFromTheHrefPathWhateverTheHostOrType() {
        assertThat(InputLinks.id(with("datacenter", "http://other:9009/api/admin/datacenters/42"), "datacenter",
                "admin/datacenters/{id}")).isEqualTo(42);
        assertThat(InputLinks.id(with("datacenter", "/api/admin/datacenters/7/"), "datacenter",
                "admin/datacenters/{id}")).isEqualTo(7);
        assertThat(InputLinks.ids(new LinkDto("rack", "https://h/api/admin/datacenters/3/racks/9", null, null),
                "admin/datacenters/{dc}/racks/{rack}")).containsExactly(3, 9);
    }

    @Test
    void aMissingWrongOrMalformedLinkIsA400() {
        assertThatThrownBy(() -> InputLinks.id(new Body(), "datacenter", "admin/datacenters/{id}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("GEN-7"));
        assertThatThrownBy(() -> InputLinks.id(with("datacenter", "http://h/api/admin/enterprises/1"), "datacenter",
                "admin/datacenters/{id}")).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> InputLinks.id(with("datacenter", "http://h/api/admin/datacenters/99999999999"),
                "datacenter", "admin/datacenters/{id}")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> InputLinks.id(with("datacenter", "::not a uri"), "datacenter",
                "admin/datacenters/{id}")).isInstanceOf(ApiException.class);
    }
}
