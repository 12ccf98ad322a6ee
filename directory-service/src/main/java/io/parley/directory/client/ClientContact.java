package io.parley.directory.client;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One phone number of a client; calls to or from it belong to the client. */
@Embeddable
public class ClientContact {

    @Column(name = "phone_number", nullable = false)
    public String phoneNumber;

    public String name;

    protected ClientContact() {
    }

    public ClientContact(String phoneNumber, String name) {
        this.phoneNumber = phoneNumber;
        this.name = name;
    }
}
