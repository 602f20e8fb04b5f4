package io.aiconexus.gateway.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aiconexus.gateway.identity.AgentIdentity;

/** Keys saved, loaded, made on demand, and files that cannot be used. */
class AgentKeysTest {

    @TempDir
    Path dir;

    @Test
    void aSavedKeyLoadsAsTheSameIdentity() throws IOException {
        AgentIdentity identity = AgentKeys.generate();
        Path file = dir.resolve("agent.json");

        AgentKeys.save(identity, file);
        AgentIdentity loaded = AgentKeys.load(file);

        assertEquals(identity.did(), loaded.did());
        assertArrayEquals(identity.sign(new byte[] {1, 2, 3}), loaded.sign(new byte[] {1, 2, 3}));
        assertTrue(identity.did().startsWith("did:key:z6Mk"));
        assertTrue(AgentKeys.legacyDid(identity).startsWith("did:key:z6Mk"));
    }

    @Test
    void loadOrCreateMakesTheKeyOnceAndKeepsIt() throws IOException {
        Path file = dir.resolve("sub/agent.json");

        AgentIdentity first = AgentKeys.loadOrCreate(file);
        AgentIdentity second = AgentKeys.loadOrCreate(file);

        assertEquals(first.did(), second.did());
    }

    @Test
    void aFileThatIsNoKeyFileSaysWhatIsWrong() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"did\": 1");
        Path missing = dir.resolve("missing.json");

        IOException notJson = assertThrows(IOException.class, () -> AgentKeys.load(garbage));
        IOException absent = assertThrows(IOException.class, () -> AgentKeys.load(missing));

        assertTrue(notJson.getMessage().contains(garbage.toString()) && notJson.getMessage().contains("not valid JSON"),
                notJson.getMessage());
        assertTrue(absent.getMessage().contains("does not exist"), absent.getMessage());
    }

    @Test
    void didsAreChecked() {
        assertNull(AgentKeys.checkDid(AgentKeys.generate().did()));
        assertTrue(AgentKeys.checkDid("did:web:example.com").contains("not a did:key"));
    }

    @Test
    void theDescriptionShowsTheDidAndThePublicKey() {
        AgentIdentity identity = AgentKeys.generate();

        String description = AgentKeys.describe(identity);

        assertTrue(description.contains(identity.did()) && description.contains(identity.publicKeyBase58()), description);
    }
}
