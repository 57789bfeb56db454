package org.jvirt.conf;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Turns the bytes of an XML file into the text the parsers take, as libxml2 reads them: UTF-8, and a
 * byte sequence that is not UTF-8 refused with libxml2's message and the line it is on (a lenient
 * decoder would silently replace it and accept a broken document).
 */
public final class XmlText {
    private XmlText() {
    }

    /**
     * Decodes a document.
     *
     * @param bytes the file's bytes
     * @param docName libvirt's document name for messages, e.g. {@code domain_definition}
     * @return the text
     * @throws VirtException {@code XML_DETAIL} for bytes that are not UTF-8, or a document over the size limit
     */
    public static String decode(byte[] bytes, String docName) {
        if (bytes.length > 4L * XmlLimits.MAX_DOCUMENT_CHARS) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "document exceeds " + XmlLimits.MAX_DOCUMENT_CHARS + " characters");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = d.decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            CharBuffer partial = CharBuffer.allocate(bytes.length);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes), partial, true);
            partial.flip();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < partial.limit(); i++) {
                if (partial.get(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String text = partial.subSequence(lineStart, partial.limit()).toString();
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML, "(" + docName + "):" + line
                    + ": Input is not proper UTF-8, indicate encoding !\n" + text + "\n" + "-".repeat(text.length()) + "^");
        }
    }
}
