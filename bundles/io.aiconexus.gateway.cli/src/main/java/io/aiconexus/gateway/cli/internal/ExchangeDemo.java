package io.aiconexus.gateway.cli.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.payload.SdpPayload;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.Messages;

/**
 * {@code ioap demo-exchange}: the prototype's {@code test_message_exchange.py}. Client 1 sends an
 * OFFER to client 2 through the gateway, client 2 answers with an ANSWER, and the summary says
 * SUCCESSFUL only when both got their message.
 */
final class ExchangeDemo implements Command {
    private static final String RULE = "=".repeat(70);
    static final String OFFER_SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=ioap demo\r\nt=0 0\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";
    static final String ANSWER_SDP = "v=0\r\no=- 7345981923420983312 2 IN IP4 127.0.0.1\r\ns=ioap demo\r\nt=0 0\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";

    @Override
    public String name() {
        return "demo-exchange";
    }

    @Override
    public String summary() {
        return "two clients exchange OFFER and ANSWER through the gateway";
    }

    @Override
    public String usage() {
        return """
                ioap demo-exchange [--timeout SECONDS] [--gateway URL]

                The prototype's message-exchange test: client 1 sends a signed OFFER to client 2 through
                the gateway, client 2 verifies it and answers with an ANSWER, client 1 verifies that.
                The summary says SUCCESSFUL only when both clients got their message (exit 0); otherwise
                it says FAILED and why (exit 1; 3 when the gateway is not reachable, 4 when it refused a
                registration).

                  --timeout SECONDS   how long to wait for the exchange (default 10)
                  --gateway URL       gateway address (default: $IOAP_GATEWAY, else ws://127.0.0.1:8000/ws)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("timeout", "gateway");
    }

    @Override
    public int run(Args args, Cli cli) throws CliException {
        if (!args.positionals().isEmpty()) {
            throw Args.usage(name(), "unexpected argument '" + args.positionals().get(0) + "'");
        }
        long timeout = args.number(name(), "timeout", 10, 1, 3600);
        cli.out.println(RULE);
        cli.out.println("TWO-CLIENT MESSAGE EXCHANGE TEST");
        cli.out.println(RULE);
        cli.out.println();
        try (DemoPair pair = new DemoPair(cli.gateway(args, name()), cli)) {
            DemoClient one = pair.first;
            DemoClient two = pair.second;
            // completes with null on success, or with the reason the exchange failed
            CompletableFuture<String> outcome = new CompletableFuture<>();
            // catch-all handlers, added after the demo's counters: a message is counted before it is acted on
            two.client.onMessage((offer, client) -> {
                if (offer.type() == MessageType.OFFER) {
                    two.say("Received OFFER");
                    client.payload(offer, SdpPayload.class); // the OFFER must carry an SDP, as a real peer needs
                    two.say("Sending ANSWER to " + one.label + "...");
                    client.send(Messages.answer(offer, ANSWER_SDP));
                }
            });
            one.client.onMessage((message, client) -> {
                if (message.type() == MessageType.ANSWER) {
                    one.say("Received ANSWER");
                    outcome.complete(null);
                }
            });
            for (DemoClient demo : pair.both()) {
                demo.client.onError(error -> {
                    if (error.kind() != ClientError.Kind.FRAMES_DROPPED) {
                        demo.say("Error: " + error.message());
                        outcome.complete(demo.label + ": " + error.message());
                    }
                });
            }
            pair.connect("Registered with gateway", true);
            cli.out.println();
            one.say("Sending OFFER to " + two.label + "...");
            one.client.send(Messages.offer(two.client.did(), OFFER_SDP));
            String failure = await(outcome, timeout, one, two);
            cli.out.println();
            cli.out.println(RULE);
            cli.out.println("EXCHANGE SUMMARY");
            cli.out.println(RULE);
            for (DemoClient demo : pair.both()) {
                demo.say("Received " + demo.received.get() + " message(s)");
            }
            cli.out.println();
            if (failure == null && one.received.get() >= 1 && two.received.get() >= 1) {
                cli.out.println("Two-way message exchange SUCCESSFUL!");
                return Ioap.OK;
            }
            cli.out.println("Two-way message exchange FAILED: " + (failure != null ? failure
                    : "not both clients received their message"));
            return Ioap.FAILED;
        }
    }

    private static String await(CompletableFuture<String> outcome, long seconds, DemoClient one, DemoClient two)
            throws CliException {
        try {
            return outcome.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return (two.received.get() == 0 ? two.label + " got no OFFER" : one.label + " got no ANSWER")
                    + " within " + seconds + " s";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Ioap.FAILED, "interrupted");
        }
    }
}
