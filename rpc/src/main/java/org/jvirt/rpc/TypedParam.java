package org.jvirt.rpc;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A typed parameter ({@code virTypedParameter}, {@code remote_typed_param} on the wire).
 *
 * @param field the parameter's name (at most 80 bytes, libvirt's VIR_TYPED_PARAM_FIELD_LENGTH)
 * @param type its type
 * @param value an {@link Integer} (INT, UINT), {@link Long} (LLONG, ULLONG), {@link Double},
 *              {@link Boolean} or {@link String}
 */
public record TypedParam(String field, Kind type, Object value) {

    /** The union discriminant, numbered as libvirt's {@code virTypedParameterType}. */
    public enum Kind {
        /** 1: int. */
        INT,
        /** 2: unsigned int. */
        UINT,
        /** 3: long long. */
        LLONG,
        /** 4: unsigned long long. */
        ULLONG,
        /** 5: double. */
        DOUBLE,
        /** 6: boolean. */
        BOOLEAN,
        /** 7: string. */
        STRING;

        /** libvirt's number. */
        public int number() {
            return ordinal() + 1;
        }

        /**
         * The kind with libvirt's number.
         *
         * @param n the number
         * @return the kind
         * @throws VirtException {@link ErrorCode#RPC} for an unknown number
         */
        public static Kind fromNumber(int n) {
            if (n < 1 || n > values().length) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                        ErrorCode.RPC.format("Unable to decode message payload: typed parameter type " + n));
            }
            return values()[n - 1];
        }
    }
}
