package io.parley.directory;

/**
 * The Bean Validation group of the constraints that hold only when an object is created: its required fields. An
 * update takes the fields it is sent and keeps the others, so it checks the default group alone.
 */
public interface OnCreate {
}
