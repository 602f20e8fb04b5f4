package io.aiconexus.gateway.transport.internal;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.ConnectionHandler;

/** Something that happened on a connection, held until a handler takes it. */
sealed interface ConnectionEvent {

    void deliverTo(ConnectionHandler handler, Connection connection);

    record Opened() implements ConnectionEvent {
        @Override
        public void deliverTo(ConnectionHandler handler, Connection connection) {
            handler.opened(connection);
        }
    }

    record Text(String text) implements ConnectionEvent {
        @Override
        public void deliverTo(ConnectionHandler handler, Connection connection) {
            handler.text(connection, text);
        }
    }

    record Binary(int length) implements ConnectionEvent {
        @Override
        public void deliverTo(ConnectionHandler handler, Connection connection) {
            handler.binary(connection, length);
        }
    }

    record Closed(int code, String reason) implements ConnectionEvent {
        @Override
        public void deliverTo(ConnectionHandler handler, Connection connection) {
            handler.closed(connection, code, reason);
        }
    }
}
