package io.aiconexus.gateway.protocol.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * Reads one JSON object from a frame into a tree, token by token, so that it can refuse what
 * Jackson's tree reader lets through and keep what canonical JSON needs:
 * <ul>
 * <li>duplicate keys are refused (which of the two values did the signer mean?);</li>
 * <li>number literals stay exact: integers become integral nodes, any literal with a fraction or
 * an exponent a {@code DecimalNode} with the decimal as written ({@code 1234.0} keeps its scale,
 * so the Python form can tell it from {@code 1234}); a negative zero becomes {@code DoubleNode(-0.0)}
 * because a {@code BigDecimal} has no sign for zero;</li>
 * <li>nesting and number length are checked here with the path of the offending value, Jackson's
 * own {@link com.fasterxml.jackson.core.StreamReadConstraints} stay on as a backstop;</li>
 * <li>it keeps an explicit stack, so depth costs heap, not Java stack.</li>
 * </ul>
 * Every failure is a MALFORMED_MESSAGE, never an unchecked exception.
 */
final class JsonTreeReader {
    private final JsonFactory factory;
    private final JsonNodeFactory nodes;
    private final JsonLimits limits;

    JsonTreeReader(JsonFactory factory, JsonNodeFactory nodes, JsonLimits limits) {
        this.factory = factory;
        this.nodes = nodes;
        this.limits = limits;
    }

    ObjectNode read(String text) throws ProtocolException {
        JsonParser parser = null;
        try {
            parser = factory.createParser(text);
            return readObject(parser);
        } catch (StreamConstraintsException e) {
            throw ProtocolException.malformed(pathOf(parser), "frame exceeds a limit: " + e.getOriginalMessage());
        } catch (JsonParseException e) {
            throw ProtocolException.malformed(FieldPath.FRAME, "invalid JSON: " + e.getOriginalMessage() + where(e));
        } catch (IOException e) {
            throw ProtocolException.malformed(FieldPath.FRAME, "invalid JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            // Whatever hostile text makes a parser throw must come back as MALFORMED_MESSAGE, not INTERNAL_ERROR.
            throw ProtocolException.malformed(pathOf(parser), "unreadable JSON: " + e.getClass().getSimpleName());
        } finally {
            if (parser != null) {
                closeQuietly(parser);
            }
        }
    }

    private ObjectNode readObject(JsonParser parser) throws IOException, ProtocolException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw ProtocolException.malformed(FieldPath.FRAME, "a frame must be one JSON object");
        }
        ObjectNode root = nodes.objectNode();
        ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw ProtocolException.malformed(FieldPath.FRAME, "truncated JSON");
            }
            switch (token) {
                case FIELD_NAME -> {
                    // the name is read with the value, from the parser context
                }
                case END_OBJECT, END_ARRAY -> open.pop();
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= limits.maxDepth()) {
                        throw ProtocolException.malformed(FieldPath.FRAME,
                                "nesting deeper than " + limits.maxDepth() + " levels");
                    }
                    ContainerNode<?> child = token == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
                    add(open.peek(), parser, child);
                    open.push(child);
                }
                default -> add(open.peek(), parser, scalar(parser, token));
            }
        }
        if (parser.nextToken() != null) {
            throw ProtocolException.malformed(FieldPath.FRAME, "data after the JSON object");
        }
        return root;
    }

    private JsonNode scalar(JsonParser parser, JsonToken token) throws IOException, ProtocolException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT -> {
                checkNumberLength(parser);
                yield switch (parser.getNumberType()) {
                    case INT -> IntNode.valueOf(parser.getIntValue());
                    case LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                checkNumberLength(parser);
                BigDecimal value = parser.getDecimalValue();
                boolean negativeZero = value.signum() == 0 && parser.getText().charAt(0) == '-';
                yield negativeZero ? DoubleNode.valueOf(-0.0) : DecimalNode.valueOf(value);
            }
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> throw ProtocolException.malformed(pathOf(parser), "unexpected JSON token " + token);
        };
    }

    private void checkNumberLength(JsonParser parser) throws IOException, ProtocolException {
        if (parser.getTextLength() > limits.maxNumberLength()) {
            throw ProtocolException.malformed(pathOf(parser),
                    "number longer than " + limits.maxNumberLength() + " characters");
        }
    }

    private static void add(ContainerNode<?> parent, JsonParser parser, JsonNode value)
            throws IOException, ProtocolException {
        if (parent instanceof ObjectNode object) {
            if (object.putIfAbsent(parser.currentName(), value) != null) {
                throw ProtocolException.malformed(pathOf(parser), "duplicate key");
            }
        } else {
            ((ArrayNode) parent).add(value);
        }
    }

    private static String where(JsonParseException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String pathOf(JsonParser parser) {
        return parser == null ? FieldPath.FRAME : FieldPath.of(parser.getParsingContext());
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            parser.close();
        } catch (IOException | RuntimeException e) {
            // a parser over a String holds no resource worth reporting
        }
    }
}
