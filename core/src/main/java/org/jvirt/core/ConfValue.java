package org.jvirt.core;

import java.util.List;
import java.util.Objects;

/**
 * A value in a libvirt-style configuration file ({@link ConfFile}): a string, an integer or a list.
 */
public sealed interface ConfValue permits ConfValue.Text, ConfValue.Number, ConfValue.ListValue {

    /**
     * A quoted string ({@code "..."}, {@code '...'} or a triple-quoted {@code """..."""}).
     *
     * @param value the text between the quotes, verbatim (libvirt's format has no escapes)
     */
    record Text(String value) implements ConfValue {
        /** Checks the value is present. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return "string";
        }
    }

    /**
     * An integer, possibly negative.
     *
     * @param value the number
     */
    record Number(long value) implements ConfValue {
        @Override
        public String describe() {
            return "integer";
        }
    }

    /**
     * A list {@code [ v1, v2, ... ]}; may span lines, may end with a comma.
     *
     * @param values the elements in order
     */
    record ListValue(List<ConfValue> values) implements ConfValue {
        /** Copies the elements. */
        public ListValue {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return "list";
        }
    }

    /** The kind of value, for error messages: {@code string}, {@code integer} or {@code list}. */
    String describe();
}
