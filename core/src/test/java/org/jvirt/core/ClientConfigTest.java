package org.jvirt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

class ClientConfigTest {
    @TempDir
    Path tmp;

    @Test
    void aliasesResolveAndOtherUrisPassThrough() {
        ClientConfig c = ClientConfig.parse("""
                uri_aliases = [
                  "hail=qemu+ssh://root@hail.cloud.example.com/system",
                  "sleet=qemu+ssh://root@sleet.cloud.example.com/system",
                  "my-box_2.lan=test:///default",
                  "hail=xen:///ignored-because-first-wins",
                ]
                """, "t.conf");
        assertEquals("qemu+ssh://root@hail.cloud.example.com/system", c.resolveAlias("hail"));
        assertEquals("qemu+ssh://root@sleet.cloud.example.com/system", c.resolveAlias("sleet"));
        assertEquals("test:///default", c.resolveAlias("my-box_2.lan"));
        assertEquals("qemu:///system", c.resolveAlias("qemu:///system"));
        assertEquals("HAIL", c.resolveAlias("HAIL"), "alias names are case-sensitive, as libvirt's");
        assertEquals(List.of("hail", "sleet", "my-box_2.lan"), List.copyOf(c.aliases().keySet()));
        assertEquals(Optional.empty(), c.uriDefault());
    }

    @Test
    void aliasesDoNotNest() {
        ClientConfig c = ClientConfig.parse("uri_aliases = [ \"a=b\", \"b=test:///default\" ]", "t.conf");
        assertEquals("b", c.resolveAlias("a"));
    }

    @Test
    void malformedAliasEntriesAreConfSyntaxErrors() {
        for (String bad : List.of("noequals", "bad name=qemu:///system", "qemu:///x=y", "empty=", "=qemu:///system")) {
            VirtException e = assertThrows(VirtException.class,
                    () -> ClientConfig.parse("uri_aliases = [ \"" + bad + "\" ]", "t.conf"), bad);
            assertEquals(ErrorCode.CONF_SYNTAX, e.code());
            assertTrue(e.getMessage().contains("Malformed 'uri_aliases' config entry '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void uriDefaultIsRead() {
        assertEquals(Optional.of("qemu:///session"),
                ClientConfig.parse("uri_default = \"qemu:///session\"", "t").uriDefault());
    }

    @Test
    void locationFollowsJvirtConfigThenRootThenXdg() {
        assertEquals(Path.of("/x/y.conf"),
                ClientConfig.location(Environment.of(Map.of("JVIRT_CONFIG", "/x/y.conf"), Map.of(), true)));
        assertEquals(Path.of("/etc/jvirt/jvirt.conf"), ClientConfig.location(Environment.of(Map.of(), Map.of(), true)));
        assertEquals(Path.of("/xdg/jvirt/jvirt.conf"),
                ClientConfig.location(Environment.of(Map.of("XDG_CONFIG_HOME", "/xdg", "HOME", "/h"), Map.of(), false)));
        assertEquals(Path.of("/h/.config/jvirt/jvirt.conf"),
                ClientConfig.location(Environment.of(Map.of("HOME", "/h"), Map.of(), false)));
        assertEquals(Path.of("/p/.config/jvirt/jvirt.conf"),
                ClientConfig.location(Environment.of(Map.of(), Map.of("user.home", "/p"), false)));
    }

    @Test
    void loadReadsTheFileOrGivesEmpty() throws IOException {
        Path conf = tmp.resolve("jvirt/jvirt.conf");
        Environment env = Environment.of(Map.of("XDG_CONFIG_HOME", tmp.toString()), Map.of(), false);
        assertSame(ClientConfig.EMPTY, ClientConfig.load(env));
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "uri_default = \"test:///default\"\nuri_aliases = [ \"t=test:///default\" ]\n");
        ClientConfig c = ClientConfig.load(env);
        assertEquals(Optional.of("test:///default"), c.uriDefault());
        assertEquals(conf.toString(), c.source());
        Files.writeString(conf, "uri_default = \n");
        VirtException e = assertThrows(VirtException.class, () -> ClientConfig.load(env));
        assertTrue(e.getMessage().contains(conf + ":1:15: expecting a value"), e.getMessage());
    }
}
