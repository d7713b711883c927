package org.newsroom.query.view.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemoTest {

    private final AtomicInteger calls = new AtomicInteger();

    private Integer size(List<String> list) {
        calls.incrementAndGet();
        return list.size();
    }

    @Test
    void aMemoAnswersAnEqualKeyFromMemory() {
        Memo<List<String>, Integer> memo = new Memo<>(this::size, 10);
        assertEquals(1, memo.get(new ArrayList<>(List.of("x"))));
        assertEquals(1, memo.get(new ArrayList<>(List.of("x"))));
        assertEquals(1, calls.get());
    }

    @Test
    void anIdentityMemoAnswersOnlyTheSameObjectFromMemory() {
        Memo<List<String>, Integer> memo = Memo.byIdentity(this::size, 10);
        List<String> first = new ArrayList<>(List.of("x"));
        assertEquals(1, memo.get(first));
        assertEquals(1, memo.get(first));
        assertEquals(1, calls.get());
        // an equal list is another key: worked out again, to the same answer
        assertEquals(1, memo.get(new ArrayList<>(List.of("x"))));
        assertEquals(2, calls.get());
        first.add("y");
        assertEquals(1, memo.get(first), "remembered for the object, whatever it holds since");
    }

    @Test
    void aFullMemoStartsAfreshAndStillAnswersRight() {
        Memo<List<String>, Integer> memo = Memo.byIdentity(this::size, 3);
        List<List<String>> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<String> key = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                key.add("w");
            }
            keys.add(key);
            assertEquals(i, memo.get(key));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(i, memo.get(keys.get(i)));
        }
        assertEquals(20, calls.get(), "at most three remembered, so every key of the second pass was forgotten");
    }
}
