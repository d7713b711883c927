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
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public Memo(Function<K, V> function, int capacity) {
        this.function = function;
        this.capacity = capacity;
    }

    public V get(K key) {
        V value = values.get(key);
        if (value == null) {
            value = function.apply(key);
            if (values.size() >= capacity) {
                values.clear();
            }
            values.put(key, value);
        }
        return value;
    }
}
