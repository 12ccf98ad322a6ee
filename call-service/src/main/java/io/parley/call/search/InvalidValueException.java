package io.parley.call.search;

/** A search parameter's value that cannot be read; the message says what the value must be. */
class InvalidValueException extends RuntimeException {

    InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
