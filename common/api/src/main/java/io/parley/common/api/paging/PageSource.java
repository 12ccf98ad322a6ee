package io.parley.common.api.paging;

import java.util.List;
import java.util.function.LongSupplier;

/** The rows a list endpoint pages through, already filtered to the request's search and the caller's scope. */
public interface PageSource<T> {

    /** Up to {@code count} rows starting at {@code offset}, in the list's order. */
    List<T> fetch(int offset, int count);

    /** The number of matching rows, counting no further than {@code cap}. */
    long countUpTo(long cap);

    /** Reads a range of rows, {@code count} of them from {@code offset}. */
    @FunctionalInterface
    interface Rows<T> {
        List<T> fetch(int offset, int count);
    }

    /**
     * Rows of a collection small enough to count exactly (the cap only trims the answer), e.g. a Panache query:
     * {@code PageSource.counted((offset, count) -> query.range(offset, offset + count - 1).list(), query::count)}.
     */
    static <T> PageSource<T> counted(Rows<T> rows, LongSupplier count) {
        return new PageSource<>() {
            @Override
            public List<T> fetch(int offset, int size) {
                return rows.fetch(offset, size);
            }

            @Override
            public long countUpTo(long cap) {
                return Math.min(count.getAsLong(), cap);
            }
        };
    }
}
