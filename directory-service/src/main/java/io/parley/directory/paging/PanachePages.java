package io.parley.directory.paging;

import java.util.List;

import io.parley.common.api.paging.PageSource;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Pages through a Panache query, filtered and ordered by the caller. */
public final class PanachePages {

    private PanachePages() {
    }

    public static <E> PageSource<E> of(PanacheQuery<E> query) {
        return new PageSource<>() {
            @Override
            public List<E> fetch(int offset, int count) {
                return query.range(offset, offset + count - 1).list();
            }

            @Override
            public long countUpTo(long cap) {
                // directory tables are small enough for an exact count; capping only trims the answer
                return Math.min(query.count(), cap);
            }
        };
    }

    /**
     * A case-insensitive LIKE pattern matching text that contains {@code term}; LIKE's wildcards in the term are
     * taken literally. Compare it with {@code lower(column)}.
     */
    public static String containsPattern(String term) {
        String literal = term == null ? ""
                : term.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
