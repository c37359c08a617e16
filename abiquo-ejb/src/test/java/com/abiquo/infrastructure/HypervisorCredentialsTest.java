package com.abiquo.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class HypervisorCredentialsTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private final HypervisorCredentials credentials = new HypervisorCredentials(key(7));

    @Test
    void roundTripsAndNeverStoresThePlainText() {
        String sealed = credentials.encrypt("s3cr3t-ñ");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(credentials.decrypt(sealed)).isEqualTo("s3cr3t-ñ");
    }

    @Test
    void usesAFreshIvEveryTime() {
        assertThat(credentials.encrypt("same")).isNotEqualTo(credentials.encrypt("same"));
    }

    @Test
    void refusesAnotherKeyOrATamperedValue() {
        String sealed = credentials.encrypt("password");
        assertThatThrownBy(() -> new HypervisorCredentials(key(8)).decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("password");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> credentials.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> credentials.decrypt("plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> credentials.decrypt("v1:AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsA256BitKey() {
        assertThatThrownBy(() -> new HypervisorCredentials(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
