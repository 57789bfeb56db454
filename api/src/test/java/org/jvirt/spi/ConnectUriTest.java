package org.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

class ConnectUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // uri                                         | driver | transport | user  | host                 | port | path
        "qemu:///system                                 | qemu   | -         | -     | -                    | -1   | /system",
        "qemu:///session                                | qemu   | -         | -     | -                    | -1   | /session",
        "test:///default                                | test   | -         | -     | -                    | -1   | /default",
        "test:///tmp/node.xml                           | test   | -         | -     | -                    | -1   | /tmp/node.xml",
        "qemu+ssh://root@hail.cloud.example.com/system  | qemu   | ssh       | root  | hail.cloud.example.com | -1 | /system",
        "qemu+tcp://example.com:16509/system            | qemu   | tcp       | -     | example.com          | 16509 | /system",
        "qemu+tls://user@example.com:16514/session      | qemu   | tls       | user  | example.com          | 16514 | /session",
        "qemu+unix:///system                            | qemu   | unix      | -     | -                    | -1   | /system",
        "xen+ssh://[::1]/system                         | xen    | ssh       | -     | ::1                  | -1   | /system",
        "qemu+ssh://admin@[2001:db8::1]:2222/system     | qemu   | ssh       | admin | 2001:db8::1          | 2222 | /system",
        "qemu+ssh://[fe80::1%25eth0]/system             | qemu   | ssh       | -     | fe80::1%eth0         | -1   | /system",
        "esx://esx.example.com                          | esx    | -         | -     | esx.example.com      | -1   | ''",
        "vpx://vcenter.example.com/dc1/cluster1/host1   | vpx    | -         | -     | vcenter.example.com  | -1   | /dc1/cluster1/host1",
        "hyperv://hv.example.com:5986                   | hyperv | -         | -     | hv.example.com       | 5986 | ''",
        "QEMU+SSH://Host/system                         | qemu   | ssh       | -     | Host                 | -1   | /system",
        "qemu+ssh://my_host:2222/system                 | qemu   | ssh       | -     | my_host              | 2222 | /system",
        "qemu+ssh://us%40er@host/system                 | qemu   | ssh       | us@er | host                 | -1   | /system",
        "test:///tmp/with%20space/node.xml              | test   | -         | -     | -                    | -1   | /tmp/with space/node.xml",
        "xen://                                         | xen    | -         | -     | -                    | -1   | ''",
        "remote:///                                     | remote | -         | -     | -                    | -1   | /",
        "test:/default                                  | test   | -         | -     | -                    | -1   | /default",
        "qemu+ext:///system?command=/opt/openssh/bin/ssh | qemu  | ext       | -     | -                    | -1   | /system",
        "qemu://host:/system                            | qemu   | -         | -     | host                 | -1   | /system",
        "qemu:///embed?root=/some/dir#frag              | qemu   | -         | -     | -                    | -1   | /embed",
        "qemu+ssh://u:secret@host/system                | qemu   | ssh       | u:secret | host              | -1   | /system",
    })
    void parsesComponents(String uri, String driver, String transport, String user, String host, int port,
                          String path) {
        ConnectUri u = ConnectUri.parse(uri);
        assertEquals(driver, u.driver());
        assertEquals(Optional.ofNullable(transport), u.transport());
        assertEquals(Optional.ofNullable(user), u.user());
        assertEquals(Optional.ofNullable(host), u.host());
        assertEquals(port, u.port());
        assertEquals(path, u.path());
        assertEquals(uri, u.original());
        assertEquals(uri, u.toString());
    }

    @Test
    void queryParametersKeepOrderAndDuplicates() {
        ConnectUri u = ConnectUri.parse("qemu+ssh://h/system?keyfile=/k&no_verify=1;socket=/run/s&keyfile=/k2");
        assertEquals(List.of(Map.entry("keyfile", "/k"), Map.entry("no_verify", "1"), Map.entry("socket", "/run/s"),
                Map.entry("keyfile", "/k2")), u.params());
        assertEquals(Optional.of("/k2"), u.param("keyfile"), "the last value wins");
        assertEquals(Optional.empty(), u.param("missing"));
    }

    @Test
    void queryParametersArePercentDecoded() {
        ConnectUri u = ConnectUri.parse("test:///default?name=a%20b%26c&caf%C3%A9=%E2%82%AC&flag&&=x&empty=");
        assertEquals(List.of(Map.entry("name", "a b&c"), Map.entry("café", "€"), Map.entry("flag", ""),
                Map.entry("", "x"), Map.entry("empty", "")), u.params());
    }

    @Test
    void strayPercentIsKeptLiterally() {
        assertEquals("/100%", ConnectUri.parse("test:///100%").path());
        assertEquals("/a%zzb", ConnectUri.parse("test:///a%zzb").path());
        assertEquals("/a%2", ConnectUri.parse("test:///a%2").path());
    }

    @Test
    void unicodePathIsDecodedAsUtf8() {
        assertEquals("/tmp/über.xml", ConnectUri.parse("test:///tmp/%C3%BCber.xml").path());
    }

    @Test
    void schemeAndRemoteness() {
        assertEquals("qemu+ssh", ConnectUri.parse("QEMU+SSH://h/system").scheme());
        assertEquals("qemu", ConnectUri.parse("qemu:///system").scheme());
        assertFalse(ConnectUri.parse("qemu:///system").isRemote());
        assertTrue(ConnectUri.parse("qemu+unix:///system").isRemote(), "a transport makes it remote");
        assertTrue(ConnectUri.parse("qemu://host/system").isRemote(), "a host makes it remote");
        assertTrue(ConnectUri.parse("qemu+ssh://[::1]/system").isRemote());
    }

    @Test
    void equalityFollowsTheOriginalString() {
        assertEquals(ConnectUri.parse("qemu:///system"), ConnectUri.parse("qemu:///system"));
        assertEquals(ConnectUri.parse("qemu:///system").hashCode(), ConnectUri.parse("qemu:///system").hashCode());
        assertFalse(ConnectUri.parse("qemu:///system").equals(ConnectUri.parse("qemu:///session")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "qemu", "/system", ":///system", "1qemu:///system", "qe mu:///system", "qemu:///sys tem",
        "qemu:///system\n", "+ssh://host/system", "qemu+://host/system", "qemu://host:port/system",
        "qemu://host:99999/system", "qemu://host:-1/system", "qemu+ssh://::1/system", "qemu+ssh://[::1/system",
        "qemu+ssh://[::1]x/system", "qe_mu:///system",
    })
    void rejectsBadUris(String uri) {
        VirtException e = assertThrows(VirtException.class, () -> ConnectUri.parse(uri));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(ErrorDomain.URI, e.domain());
        assertTrue(e.getMessage().contains("Unable to parse URI"), e.getMessage());
    }

    @Test
    void badPortMessageNamesThePort() {
        VirtException e = assertThrows(VirtException.class, () -> ConnectUri.parse("qemu://h:12x/system"));
        assertTrue(e.getMessage().contains("invalid port '12x'"), e.getMessage());
    }

    @Test
    void unbracketedIpv6IsExplained() {
        VirtException e = assertThrows(VirtException.class, () -> ConnectUri.parse("qemu+ssh://fe80::1/system"));
        assertTrue(e.getMessage().contains("brackets"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> ConnectUri.parse(null));
    }

    @Test
    void paramsAreImmutable() {
        ConnectUri u = ConnectUri.parse("test:///default?a=1");
        assertThrows(UnsupportedOperationException.class, () -> u.params().add(Map.entry("b", "2")));
    }
}
