package com.abiquo.infrastructure;

import java.util.function.Consumer;

/** Partial updates: a value the client did not send (null) keeps what the entity has. */
final class Updates {

    private Updates() {
    }

    static <T> void ifGiven(T value, Consumer<? super T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
