package io.aiconexus.gateway.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.identity.InvalidDidException;

/**
 * Ed25519 identities kept in JSON key files:
 * {@code {"did": ..., "public_key": base58, "private_key": base64 of the 32-byte seed, "type": "Ed25519"}}.
 * Files are replaced atomically and readable by the owner only where the file system has POSIX
 * permissions; a file that cannot be used is an {@link IOException} that says what to fix.
 */
@Component(service = Identities.class)
public class KeyFileIdentities implements Identities {
    static final String TYPE = "Ed25519";

    private static final Logger LOG = LoggerFactory.getLogger(KeyFileIdentities.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final DidKeyCodec didKeys = new DidKeyCodec();
    private final SecureRandom random = new SecureRandom();

    public KeyFileIdentities() {
        // a plain constructor, so key files also work outside a framework
    }

    @Override
    public AgentIdentity generate() {
        return Ed25519Identity.generate(random);
    }

    @Override
    public AgentIdentity fromPrivateKey(byte[] privateKey) {
        return new Ed25519Identity(privateKey);
    }

    @Override
    public void save(AgentIdentity identity, Path file) throws IOException {
        if (!(identity instanceof Ed25519Identity ed25519)) {
            throw new IllegalArgumentException("only identities made by this service can be saved, not "
                    + identity.getClass().getName());
        }
        ObjectNode json = mapper.createObjectNode();
        json.put("did", ed25519.did());
        json.put("public_key", ed25519.publicKeyBase58());
        byte[] seed = ed25519.seed();
        try {
            json.put("private_key", Base64.getEncoder().encodeToString(seed));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        json.put("type", TYPE);
        byte[] text = (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        PrivateFiles.writeAtomically(file, text);
    }

    @Override
    public AgentIdentity load(Path file) throws IOException {
        PrivateFiles.warnIfShared(file);
        JsonNode json;
        try {
            json = mapper.readTree(PrivateFiles.read(file));
        } catch (JsonProcessingException e) {
            throw problem(file, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw problem(file, "expected a JSON object with did, public_key, private_key and type");
        }
        JsonNode type = json.get("type");
        if (type != null && !TYPE.equals(type.asText())) {
            throw problem(file, "type is '" + type.asText() + "', only " + TYPE + " keys are supported");
        }
        byte[] seed = seed(file, json.get("private_key"));
        Ed25519Identity identity;
        try {
            identity = new Ed25519Identity(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        JsonNode publicKey = json.get("public_key");
        if (publicKey != null && !identity.publicKeyBase58().equals(publicKey.asText())) {
            throw problem(file, "public_key does not match private_key (the key pair derived from private_key has "
                    + "public_key " + identity.publicKeyBase58() + ")");
        }
        checkDid(file, json.get("did"), identity);
        return identity;
    }

    @Override
    public AgentIdentity loadOrCreate(Path file) throws IOException {
        if (PrivateFiles.exists(file)) {
            return load(file);
        }
        AgentIdentity identity = generate();
        save(identity, file);
        // debug only: the caller says at info level what the identity is for
        LOG.debug("Created identity {} in {}", identity.did(), file);
        return identity;
    }

    private static byte[] seed(Path file, JsonNode privateKey) throws IOException {
        if (privateKey == null || privateKey.isNull()) {
            throw problem(file, "private_key is missing");
        }
        byte[] seed;
        try {
            seed = privateKey.isTextual() ? Base64.getDecoder().decode(privateKey.asText().strip()) : null;
        } catch (IllegalArgumentException e) {
            seed = null;
        }
        if (seed == null || seed.length != Ed25519Identity.SEED_SIZE) {
            throw problem(file, "private_key is not base64 of 32 bytes (an Ed25519 seed)");
        }
        return seed;
    }

    private void checkDid(Path file, JsonNode did, Ed25519Identity identity) throws IOException {
        if (did == null || did.isNull()) {
            throw problem(file, "did is missing (for this key it is " + identity.did() + ")");
        }
        DidKey decoded;
        try {
            decoded = didKeys.decode(did.asText());
        } catch (InvalidDidException e) {
            throw problem(file, "did is not an Ed25519 did:key: " + e.getMessage());
        }
        // a legacy DID of the same key is the same identity; the identity reports the standard form
        if (!Arrays.equals(decoded.publicKey(), identity.publicKey())) {
            throw problem(file, "did does not match the key (the key's did is " + identity.did() + ")");
        }
    }

    private static IOException problem(Path file, String what) {
        return new IOException("key file " + file + ": " + what);
    }
}
