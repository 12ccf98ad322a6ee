package io.parley.common.events.inbox;

/**
 * Why a record is set aside on a dead-letter topic: the reason in words, without the record's values, as the
 * {@code dead-letter-reason} header carries it, and its class, as the {@code parley.dead.letters} counter is tagged.
 */
public record DeadLetterReason(Cause cause, String text) {

    /** The class of a reason, by what an operator does about it (docs/reliability.md, "Metrics"). */
    public enum Cause {
        /** The record breaks the event contract: the producer's to fix. */
        CONTRACT("contract"),
        /** The database refused the record alone (a bound, a constraint), with its SQLSTATE. */
        DATABASE("database"),
        /** The record met contention (a deadlock, a lock held long) in every attempt. */
        CONTENTION("contention"),
        /** Anything else: a failure of the consumer's own with this record. */
        UNEXPECTED("unexpected");

        private final String tag;

        Cause(String tag) {
            this.tag = tag;
        }

        /** The value of the counter's {@code reason} tag. */
        public String tag() {
            return tag;
        }
    }

    /** A record that breaks the contract, for the reason given. */
    public static DeadLetterReason contract(String text) {
        return new DeadLetterReason(Cause.CONTRACT, text);
    }
}
