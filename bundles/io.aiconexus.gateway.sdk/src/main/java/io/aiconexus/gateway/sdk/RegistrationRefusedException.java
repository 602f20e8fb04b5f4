package io.aiconexus.gateway.sdk;

import io.aiconexus.gateway.protocol.Envelope;

/** The gateway answered REGISTER with an ERROR: {@link #code()} and {@link #errorMessage()} say why. */
public class RegistrationRefusedException extends GatewayErrorException {
    private static final long serialVersionUID = 1L;

    public RegistrationRefusedException(Envelope error) {
        super("registration refused: ", error);
    }
}
