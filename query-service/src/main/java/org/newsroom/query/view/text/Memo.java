package org.newsroom.query.view.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe memo of a pure function. A story's view is rebuilt each time an article joins it, from the
 * same claim texts as before: remembering what each text reads as saves most of the work. When full it starts
 * afresh, which costs only recomputation and can never change a result.
 */
public final class Memo<K, V> {

    private final Function<K, V> function;
    private final int capacity;
    private final Function<K, Object> keyOf;
    private final Map<Object, V> values = new ConcurrentHashMap<>();

    /** Keys equal by {@code equals}. */
    public Memo(Function<K, V> function, int capacity) {
        this(function, capacity, k -> k);
    }

    private Memo(Function<K, V> function, int capacity, Function<K, Object> keyOf) {
        this.function = function;
        this.capacity = capacity;
        this.keyOf = keyOf;
    }

    /**
     * A memo whose keys are the objects themselves, not their values: for inputs that stay the same objects from
     * one build to the next (a projector's cached articles), whose equality would cost more to decide than the
     * lookup saves. Another object with equal contents is only a miss, which recomputes the same value.
     */
    public static <K, V> Memo<K, V> byIdentity(Function<K, V> function, int capacity) {
        return new Memo<>(function, capacity, Identity::new);
    }

    public V get(K key) {
        Object k = keyOf.apply(key);
        V value = values.get(k);
        if (value == null) {
            value = function.apply(key);
            if (values.size() >= capacity) {
                values.clear();
            }
            values.put(k, value);
        }
        return value;
    }

    /** An object as a key by its identity. */
    private static final class Identity {
        private final Object referent;
        private final int hash;

        Identity(Object referent) {
            this.referent = referent;
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.referent == referent;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
