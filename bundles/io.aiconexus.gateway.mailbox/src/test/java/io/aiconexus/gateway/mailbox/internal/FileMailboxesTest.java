package io.aiconexus.gateway.mailbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aiconexus.gateway.mailbox.Mailboxes.Offer;
import io.aiconexus.gateway.mailbox.StoredFrame;

class FileMailboxesTest {
    @TempDir
    Path directory;
    private final List<FileMailboxes> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(FileMailboxes::deactivate);
    }

    @Test
    void framesWaitAndAreDeliveredInOrderThenTheMailboxCloses() throws Exception {
        FileMailboxes mailboxes = start(Map.of());
        mailboxes.open("did:key:zB");
        for (int i = 0; i < 5; i++) {
            assertEquals(Offer.STORED, mailboxes.offer("did:key:zB", frame(i)));
        }
        List<String> delivered = new ArrayList<>();

        assertEquals(5, mailboxes.deliver("did:key:zB", f -> delivered.add(f.id())));

        assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), delivered);
        assertFalse(mailboxes.isOpen("did:key:zB"));
        assertEquals(Offer.NO_MAILBOX, mailboxes.offer("did:key:zB", frame(9)));
        try (var files = Files.list(directory)) {
            assertEquals(0, files.count(), "a delivered mailbox leaves no file");
        }
    }

    @Test
    void theMailboxesCountWhatTheyKeep() throws Exception {
        FileMailboxes mailboxes = start(Map.of());
        mailboxes.open("did:key:zB");
        mailboxes.open("did:key:zC");
        mailboxes.offer("did:key:zB", frame(0));
        mailboxes.offer("did:key:zB", frame(1));
        mailboxes.offer("did:key:zC", frame(2));

        assertEquals(2, mailboxes.openMailboxes());
        assertEquals(3, mailboxes.keptFrames());

        mailboxes.deliver("did:key:zB", f -> { });
        assertEquals(1, mailboxes.openMailboxes());
        assertEquals(1, mailboxes.keptFrames());
    }

    @Test
    void aRestartedGatewayFindsEveryKeptFrameEvenWithATornLastLine() throws Exception {
        FileMailboxes before = start(Map.of());
        before.open("did:key:zB");
        before.offer("did:key:zB", frame(0));
        before.offer("did:key:zB", new StoredFrame("did:key:zA", "f1", "{\"sdp\":\"zoë ✓\"}"));
        try (var files = Files.list(directory)) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, "{\"from\":\"did:key:zA\",\"id\":\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }

        FileMailboxes after = start(Map.of());
        List<StoredFrame> delivered = new ArrayList<>();
        after.deliver("did:key:zB", delivered::add);

        assertEquals(List.of(frame(0), new StoredFrame("did:key:zA", "f1", "{\"sdp\":\"zoë ✓\"}")), delivered);
    }

    @Test
    void aFullMailboxRefuses() throws Exception {
        FileMailboxes mailboxes = start(Map.of("maxFrames", 2));
        mailboxes.open("did:key:zB");
        assertEquals(Offer.STORED, mailboxes.offer("did:key:zB", frame(0)));
        assertEquals(Offer.STORED, mailboxes.offer("did:key:zB", frame(1)));
        assertEquals(Offer.FULL, mailboxes.offer("did:key:zB", frame(2)));
        assertEquals(Offer.NO_MAILBOX, mailboxes.offer("did:key:zC", frame(3)));
    }

    @Test
    void expiredFramesGoToTheListenerOnlyOnceSomeoneListens() throws Exception {
        FileMailboxes mailboxes = start(Map.of("graceSeconds", 0));
        mailboxes.open("did:key:zB");
        mailboxes.offer("did:key:zB", frame(0));
        mailboxes.offer("did:key:zB", frame(1));
        mailboxes.expire();
        assertTrue(mailboxes.isOpen("did:key:zB"), "kept while nobody can tell the senders");

        List<String> expired = new ArrayList<>();
        mailboxes.addExpiryListener((recipient, frame) -> expired.add(recipient + " " + frame.id()));
        mailboxes.expire();

        assertEquals(List.of("did:key:zB f0", "did:key:zB f1"), expired);
        assertFalse(mailboxes.isOpen("did:key:zB"));
    }

    private FileMailboxes start(Map<String, Object> overrides) throws Exception {
        MailboxConfig config = (MailboxConfig) Proxy.newProxyInstance(MailboxConfig.class.getClassLoader(),
                new Class<?>[] { MailboxConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return MailboxConfig.class;
                    }
                    return overrides.getOrDefault(method.getName(), method.getDefaultValue());
                });
        FileMailboxes mailboxes = new FileMailboxes(config, directory);
        started.add(mailboxes);
        return mailboxes;
    }

    private static StoredFrame frame(int i) {
        return new StoredFrame("did:key:zA", "f" + i, "{\"n\":" + i + "}");
    }
}
