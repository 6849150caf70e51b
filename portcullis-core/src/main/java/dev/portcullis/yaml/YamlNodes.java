package dev.portcullis.yaml;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reading a configuration file's node tree (snakeyaml-engine keeps every node's line) with every problem — an
 * unknown or duplicate key above all — reported at its line: the policy (portcullis.yml) and the server's
 * configuration (portcullis-server.yml) read their nodes through here.
 */
public final class YamlNodes {
    private final String file;

    /** @param file the file name that locations name */
    public YamlNodes(String file) {
        this.file = file;
    }

    /**
     * The keys and values of a mapping; an empty section (every entry commented out) is an empty mapping.
     *
     * @param allowed the keys it may have, or null for any
     */
    public Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws InputException {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return Map.of(); // a section with every entry commented out ("scripts:" as init writes it)
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new InputException(location(node), what + " must be a mapping of keys to values");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (allowed != null && !allowed.contains(key)) {
                throw new InputException(location(tuple.getKeyNode()), "unknown key '" + key + "' in " + what
                        + " (expected one of: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (fields.put(key, tuple.getValueNode()) != null) {
                throw new InputException(location(tuple.getKeyNode()), "duplicate key '" + key + "' in " + what);
            }
        }
        return fields;
    }

    /** The items of a list; an empty one (every item commented out) is empty. */
    public List<Node> sequence(Node node, String what) throws InputException {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return List.of(); // "allow:" with every entry commented out
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new InputException(location(node), what + " must be a list");
        }
        return sequence.getValue();
    }

    public String scalar(Node node, String what) throws InputException {
        if (!(node instanceof ScalarNode scalar)) {
            throw new InputException(location(node), what + " must be a single value");
        }
        return scalar.getValue();
    }

    public Location location(Node node) {
        return new Location(file, node.getStartMark().map(m -> m.getLine() + 1).orElse(0));
    }
}
