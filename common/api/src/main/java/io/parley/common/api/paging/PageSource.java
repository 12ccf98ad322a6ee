package io.parley.common.api.paging;

import java.util.List;

/** The rows a list endpoint pages through, already filtered to the request's search and the caller's scope. */
public interface PageSource<T> {

    /** Up to {@code count} rows starting at {@code offset}, in the list's order. */
    List<T> fetch(int offset, int count);

    /** The number of matching rows, counting no further than {@code cap}. */
    long countUpTo(long cap);
}
