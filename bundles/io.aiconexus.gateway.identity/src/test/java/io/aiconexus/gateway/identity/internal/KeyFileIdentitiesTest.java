package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;

class KeyFileIdentitiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 8032 TEST 1. */
    private static final byte[] SEED = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    private final KeyFileIdentities identities = new KeyFileIdentities();

    @TempDir
    Path dir;

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        AgentIdentity identity = identities.generate();
        Path file = dir.resolve("identity.json");
        identities.save(identity, file);

        AgentIdentity loaded = identities.load(file);
        assertEquals(identity.did(), loaded.did());
        assertArrayEquals(identity.publicKey(), loaded.publicKey());
        byte[] message = "same key, same signature".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(identity.sign(message), loaded.sign(message));
    }

    @Test
    void fileFormat() throws IOException {
        AgentIdentity identity = identities.fromPrivateKey(SEED);
        Path file = dir.resolve("identity.json");
        identities.save(identity, file);

        JsonNode json = JSON.readTree(file.toFile());
        assertEquals(identity.did(), json.get("did").asText());
        assertEquals("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", json.get("did").asText());
        assertEquals(identity.publicKeyBase58(), json.get("public_key").asText());
        assertArrayEquals(SEED, Base64.getDecoder().decode(json.get("private_key").asText()));
        assertEquals("Ed25519", json.get("type").asText());
        assertEquals(4, json.size());
    }

    @Test
    void keyFileIsOwnerOnlyAndNoTemporaryFileRemains() throws IOException {
        assumeTrue(PrivateFiles.isPosix(dir), "POSIX permissions");
        Path file = dir.resolve("sub/dir/identity.json");
        identities.save(identities.generate(), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        // replacing keeps the permissions, even over a file that was world-readable
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        identities.save(identities.generate(), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "only the key file is left");
        }
    }

    @Test
    void loadOrCreateCreatesOnceThenKeepsTheIdentity() throws IOException {
        Path file = dir.resolve("gateway/identity.json");
        AgentIdentity first = identities.loadOrCreate(file);
        assertTrue(Files.exists(file));
        AgentIdentity again = identities.loadOrCreate(file);
        assertEquals(first.did(), again.did());
        assertNotEquals(first.did(), identities.loadOrCreate(dir.resolve("other.json")).did());
    }

    @Test
    void loadOrCreateNeverOverwritesABrokenFile() throws IOException {
        Path file = dir.resolve("identity.json");
        Files.writeString(file, "{");
        assertThrows(IOException.class, () -> identities.loadOrCreate(file));
        assertEquals("{", Files.readString(file));
    }

    @Test
    void legacyDidOfTheSameKeyIsAccepted() throws IOException {
        AgentIdentity identity = identities.fromPrivateKey(SEED);
        ObjectNode json = keyFile(identity);
        json.put("did", new DidKeyCodec().encodeLegacy(identity.publicKey()));
        Path file = write(json);
        assertEquals(identity.did(), identities.load(file).did(), "the identity reports the standard DID");
    }

    @Test
    void corruptedFilesSayWhatToFix() throws IOException {
        AgentIdentity identity = identities.fromPrivateKey(SEED);
        AgentIdentity other = identities.fromPrivateKey(new byte[32]);

        assertProblem(Files.writeString(dir.resolve("a.json"), ""), "expected a JSON object");
        assertProblem(Files.writeString(dir.resolve("b.json"), "{\"did\": "), "not valid JSON");
        assertProblem(Files.writeString(dir.resolve("c.json"), "[1, 2]"), "expected a JSON object");
        assertProblem(dir.resolve("missing.json"), "does not exist");

        ObjectNode json = keyFile(identity);
        json.remove("private_key");
        assertProblem(write(json), "private_key is missing");

        for (String bad : new String[] {"not base64!", Base64.getEncoder().encodeToString(new byte[31]),
                Base64.getEncoder().encodeToString(new byte[64])}) {
            json = keyFile(identity);
            json.put("private_key", bad);
            assertProblem(write(json), "private_key is not base64 of 32 bytes");
        }
        json = keyFile(identity);
        json.put("private_key", 12);
        assertProblem(write(json), "private_key is not base64 of 32 bytes");

        json = keyFile(identity);
        json.put("did", other.did());
        assertProblem(write(json), "did does not match the key (the key's did is " + identity.did() + ")");

        json = keyFile(identity);
        json.put("did", "did:web:example.com");
        assertProblem(write(json), "did is not an Ed25519 did:key");

        json = keyFile(identity);
        json.remove("did");
        assertProblem(write(json), "did is missing");

        json = keyFile(identity);
        json.put("public_key", other.publicKeyBase58());
        assertProblem(write(json), "public_key does not match private_key");

        json = keyFile(identity);
        json.put("type", "secp256k1");
        assertProblem(write(json), "type is 'secp256k1', only Ed25519 keys are supported");

        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[PrivateFiles.MAX_SIZE + 1]);
        assertProblem(huge, "too large to be a key file");
    }

    @Test
    void messagesNameTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("named.json"), "{}");
        IOException e = assertThrows(IOException.class, () -> identities.load(file));
        assertTrue(e.getMessage().startsWith("key file " + file + ": "), e.getMessage());
    }

    @Test
    void fromPrivateKeyNeeds32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> identities.fromPrivateKey(new byte[64]));
    }

    @Test
    void onlyOwnIdentitiesCanBeSaved() {
        AgentIdentity foreign = new AgentIdentity() {
            @Override
            public String did() {
                return "did:key:x";
            }

            @Override
            public byte[] publicKey() {
                return new byte[32];
            }

            @Override
            public String publicKeyBase58() {
                return "";
            }

            @Override
            public byte[] sign(byte[] message) {
                return new byte[64];
            }
        };
        assertThrows(IllegalArgumentException.class, () -> identities.save(foreign, dir.resolve("x.json")));
    }

    private ObjectNode keyFile(AgentIdentity identity) throws IOException {
        Path file = dir.resolve("template.json");
        identities.save(identity, file);
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    private Path write(ObjectNode json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "key", ".json"), json.toString());
    }

    private void assertProblem(Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> identities.load(file));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    }
}
