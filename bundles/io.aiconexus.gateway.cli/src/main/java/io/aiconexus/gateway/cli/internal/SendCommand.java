package io.aiconexus.gateway.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.GatewayErrorException;
import io.aiconexus.gateway.sdk.Message;
import io.aiconexus.gateway.sdk.Messages;
import io.aiconexus.gateway.sdk.ReconnectPolicy;

/**
 * {@code ioap send}: one frame of any type. After sending, it PINGs the gateway: the gateway handles
 * one connection's frames in order, so when the PONG is back any ERROR about the frame has arrived
 * too, and the command can say whether the frame was routed without guessing a delay.
 */
final class SendCommand implements Command {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Types that ask for an answer: the command waits for it. */
    private static final Set<MessageType> REQUESTS = Set.of(MessageType.EXEC_REQUEST, MessageType.INTENT, MessageType.PING);

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String summary() {
        return "send one frame of any type (payload from arguments or a file)";
    }

    @Override
    public String usage() {
        return """
                ioap send TYPE TO [FIELD=TEXT | FIELD:=JSON]... [--payload JSON | --payload-file FILE] [--correlation-id ID]
                          [--wait SECONDS] [--key FILE] [--gateway URL]

                Registers, signs and sends one frame. TYPE is one of OFFER ANSWER ICE_CANDIDATE INTENT
                EXEC_REQUEST EXEC_RESPONSE ERROR PING PONG; TO is a DID, or 'gateway'. The payload is
                built from fields: FIELD=TEXT sets a string, FIELD:=JSON sets any JSON value (a number,
                true, an object...). Or it is given whole with --payload or --payload-file, and fields
                are applied on top of it.
                The payload is checked against the type's schema before anything is sent.

                Then it waits for the answer (a frame whose correlation_id is the frame's id): always for
                EXEC_REQUEST, INTENT and PING, for other types only with --wait. An ERROR answer, or
                none in time, exits 1. Without an answer to wait for, it reports whether the gateway
                routed the frame or refused it.

                  --payload JSON        the payload object
                  --payload-file FILE   the payload object, read from FILE
                  --correlation-id ID   correlation_id: the id of the frame this one answers
                  --wait SECONDS        how long to wait for the answer (default 10)
                  --key FILE            key file (default: $IOAP_KEY, else ~/.ioap/agent-key.json)
                  --gateway URL         gateway address (default: $IOAP_GATEWAY, else ws://127.0.0.1:8000/ws)

                Examples:
                  ioap send OFFER did:key:z6Mk... sdp='v=0'
                  ioap send ICE_CANDIDATE did:key:z6Mk... candidate='candidate:1 1 UDP 1 10.0.0.7 54400 typ host' sdp_mid=0 sdp_mline_index:=0
                  ioap send EXEC_REQUEST did:key:z6Mk... args:='{"x":1}' timeout_ms:=5000
                  ioap send INTENT did:key:z6Mk... --payload-file request.json
                  ioap send PING gateway sequence:=1
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("payload", "payload-file", "correlation-id", "wait", "key", "gateway");
    }

    @Override
    public int run(Args args, Cli cli) throws CliException {
        Message message = message(args);
        long waitSeconds = args.number(name(), "wait", 10, 1, 3600);
        Duration wait = Duration.ofSeconds(waitSeconds);
        boolean awaitAnswer = REQUESTS.contains(message.type()) || args.has("wait");
        GatewayClient.Builder builder = GatewayClient.builder(cli.loadKey(args)).gateway(cli.gateway(args, name()))
                .reconnect(ReconnectPolicy.NEVER);
        try (GatewayClient client = builder.build()) {
            Cli.connect(client);
            CompletableFuture<Envelope> answer = client.request(message, wait);
            cli.out.println("Sent " + message.type() + " " + message.id() + " to " + message.to());
            awaitQuietly(client.ping(), wait);
            if (!awaitAnswer && !answer.isDone()) {
                cli.out.println("The gateway routed it (no error came back).");
                return Ioap.OK;
            }
            return report(answer, wait, cli);
        }
    }

    private static int report(CompletableFuture<Envelope> answer, Duration wait, Cli cli) throws CliException {
        try {
            Envelope reply = answer.get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS);
            cli.out.println("Answer: " + FrameFormat.line(reply));
            return Ioap.OK;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayErrorException error) {
                throw new CliException(Ioap.FAILED, "ERROR from " + error.envelope().from() + ": " + error.code() + " "
                        + error.errorMessage() + (error.details() == null || error.details().isEmpty() ? ""
                                : " " + error.details()));
            }
            if (e.getCause() instanceof TimeoutException) {
                throw new CliException(Ioap.FAILED, "no answer within " + wait.toSeconds() + " s");
            }
            throw new CliException(Ioap.FAILED, "no answer: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new CliException(Ioap.FAILED, "no answer within " + wait.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Ioap.FAILED, "interrupted");
        }
    }

    /** Waits for the PONG that tells the gateway handled the frame; a lost PONG only means no verdict. */
    private static void awaitQuietly(CompletableFuture<Duration> pong, Duration wait) {
        try {
            pong.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the answer future says what happened
        }
    }

    private Message message(Args args) throws CliException {
        List<String> positionals = args.positionals();
        if (positionals.size() < 2) {
            throw Args.usage(name(), "give the TYPE and the recipient TO");
        }
        MessageType type = MessageType.fromWire(positionals.get(0).toUpperCase(Locale.ROOT));
        if (type == null || type == MessageType.REGISTER || type == MessageType.UNREGISTER) {
            throw Args.usage(name(), "TYPE must be one of OFFER ANSWER ICE_CANDIDATE INTENT EXEC_REQUEST EXEC_RESPONSE "
                    + "ERROR PING PONG, not '" + positionals.get(0) + "'");
        }
        String to = positionals.get(1).equalsIgnoreCase("gateway") ? Messages.GATEWAY : positionals.get(1);
        try {
            Message.Builder builder = Message.builder(type, to);
            String payload = payloadText(args);
            if (payload != null) {
                builder.payloadJson(payload);
            }
            for (String field : positionals.subList(2, positionals.size())) {
                field(builder, field);
            }
            String correlation = args.get("correlation-id", null);
            if (correlation != null) {
                builder.correlationId(correlation);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw Args.usage(name(), e.getMessage());
        }
    }

    private String payloadText(Args args) throws CliException {
        if (args.has("payload") && args.has("payload-file")) {
            throw Args.usage(name(), "give --payload or --payload-file, not both");
        }
        if (args.has("payload-file")) {
            Path file = Path.of(args.get("payload-file", ""));
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw Args.usage(name(), "cannot read payload file " + file + ": " + e);
            }
        }
        return args.get("payload", null);
    }

    /** {@code FIELD=TEXT} (a string) or {@code FIELD:=JSON} (any JSON value). */
    private void field(Message.Builder builder, String field) throws CliException {
        int equals = field.indexOf('=');
        if (equals < 1 || equals == 1 && field.charAt(0) == ':') {
            throw Args.usage(name(), "payload fields are FIELD=TEXT or FIELD:=JSON, not '" + field + "'");
        }
        if (field.charAt(equals - 1) != ':') {
            builder.put(field.substring(0, equals), field.substring(equals + 1));
            return;
        }
        String name = field.substring(0, equals - 1);
        String json = field.substring(equals + 1);
        try {
            builder.put(name, JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw Args.usage(name(), name + ":= needs a JSON value, and '" + json + "' is not one ("
                    + e.getOriginalMessage() + "); for text use " + name + "=TEXT");
        }
    }
}
