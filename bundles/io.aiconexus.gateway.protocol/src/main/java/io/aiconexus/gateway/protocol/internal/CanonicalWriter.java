package io.aiconexus.gateway.protocol.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks a JSON tree and writes it without whitespace, members sorted; the subclasses say how keys
 * compare and how strings and numbers are spelled.
 *
 * <p>The walk keeps its own stack instead of recursing, so an operator who raises the depth limit
 * cannot turn a deep frame into a {@link StackOverflowError} in the signature check. One instance
 * writes one tree.
 */
abstract class CanonicalWriter {
    protected final ByteSink out = new ByteSink(512);

    private final Comparator<Map.Entry<String, JsonNode>> memberOrder;

    protected CanonicalWriter(Comparator<String> keyOrder) {
        this.memberOrder = Map.Entry.comparingByKey(keyOrder);
    }

    /**
     * The canonical bytes of {@code root}; {@code skippedRootKey} (may be null) is left out of the
     * top-level object, which spares copying an envelope just to drop its signature.
     */
    final byte[] write(JsonNode root, String skippedRootKey) {
        ArrayDeque<Container> open = new ArrayDeque<>();
        writeValue(root, open, skippedRootKey);
        while (!open.isEmpty()) {
            Container container = open.peek();
            if (container.isDone()) {
                out.write(container.members == null ? ']' : '}');
                open.pop();
                continue;
            }
            if (container.next > 0) {
                out.write(',');
            }
            JsonNode child;
            if (container.members == null) {
                child = container.node.get(container.next++);
            } else {
                Map.Entry<String, JsonNode> member = container.members.get(container.next++);
                writeString(member.getKey());
                out.write(':');
                child = member.getValue();
            }
            writeValue(child, open, null);
        }
        return out.toByteArray();
    }

    protected abstract void writeString(String text);

    /**
     * The double a non-integral number node stands for. A {@code FloatNode} (built in code) is
     * written as {@code Float.toString} digits, so that is what a receiver parses, not the binary
     * widening of the float.
     */
    protected static double doubleOf(JsonNode number) {
        return number.isFloat() ? Double.parseDouble(Float.toString(number.floatValue())) : number.doubleValue();
    }

    protected abstract void writeNumber(JsonNode number);

    private void writeValue(JsonNode node, ArrayDeque<Container> open, String skippedKey) {
        if (node.isObject()) {
            out.write('{');
            open.push(new Container(node, sortedMembers(node, skippedKey)));
        } else if (node.isArray()) {
            out.write('[');
            open.push(new Container(node, null));
        } else if (node.isTextual()) {
            writeString(node.textValue());
        } else if (node.isNumber()) {
            writeNumber(node);
        } else if (node.isBoolean()) {
            out.writeAscii(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            out.writeAscii("null");
        } else {
            throw new IllegalArgumentException("no canonical JSON form for a " + node.getNodeType() + " node");
        }
    }

    private List<Map.Entry<String, JsonNode>> sortedMembers(JsonNode object, String skippedKey) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.size());
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!member.getKey().equals(skippedKey)) {
                members.add(member);
            }
        }
        if (members.size() > 1) {
            members.sort(memberOrder);
        }
        return members;
    }

    /** An object or array being written: its members in canonical order, or its elements. */
    private static final class Container {
        final JsonNode node;
        final List<Map.Entry<String, JsonNode>> members;
        int next;

        Container(JsonNode node, List<Map.Entry<String, JsonNode>> members) {
            this.node = node;
            this.members = members;
        }

        boolean isDone() {
            return next >= (members == null ? node.size() : members.size());
        }
    }
}
