package io.parley.call;

import io.parley.common.embedded.ParleyTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** Starts the real PostgreSQL and Kafka for every test of this module. */
@QuarkusTestResource(ParleyTestInfrastructure.class)
public class CallTestInfrastructure {
}
