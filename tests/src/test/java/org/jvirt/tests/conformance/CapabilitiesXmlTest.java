package org.jvirt.tests.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.jvirt.api.Connect;
import org.jvirt.conf.CapabilitiesDef;
import org.jvirt.conf.CapabilitiesXml;
import org.jvirt.core.Virt;

/**
 * The capabilities model: real libvirt's {@code virsh -c test:///default capabilities} parsed and
 * formatted again comes back unchanged and validates against {@code capability.rng}; so does jvirt's
 * own test driver's document, and a document built with the typed API.
 */
class CapabilitiesXmlTest {
    @Test
    void libvirtTestDriverCapabilitiesRoundTrip() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh not installed");
        Process p = new ProcessBuilder("/usr/bin/virsh", "-c", "test:///default", "capabilities")
                .redirectErrorStream(true).start();
        String real = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "virsh failed: " + real);
        // virsh prints the document and one more newline
        String doc = real.stripTrailing() + "\n";
        CapabilitiesDef caps = CapabilitiesXml.parse(doc);
        Assertions.assertEquals("i686", caps.host().arch());
        Assertions.assertEquals(2, caps.host().topology().cells().size());
        String out = CapabilitiesXml.format(caps);
        Compare.sameText(doc, out, "capabilities");
        if (Corpus.available()) {
            Rng.check("capability.rng", out);
        }
    }

    @Test
    void jvirtTestDriverCapabilitiesRoundTrip() {
        try (Connect c = Virt.open("test:///default")) {
            String doc = c.getCapabilities();
            String out = CapabilitiesXml.format(CapabilitiesXml.parse(doc));
            Compare.sameText(doc, out, "capabilities");
            if (Corpus.available()) {
                Rng.check("capability.rng", out);
            }
        }
    }

    @Test
    void builtWithTheTypedApi() throws IOException {
        CapabilitiesDef caps = new CapabilitiesDef();
        caps.host().uuid("c7a5fdbd-edaf-9455-926a-d65c16db1809");
        caps.host().cpu(new org.jvirt.conf.Generic().addChild("arch"));
        ((org.w3c.dom.Element) caps.host().cpu().content().get(0)).setTextContent("x86_64");
        CapabilitiesDef.Topology t = new CapabilitiesDef.Topology();
        CapabilitiesDef.Cell cell = new CapabilitiesDef.Cell().id(0).memoryKiB(1048576);
        cell.cpus().add(new CapabilitiesDef.Cpu(0, 0, 0, 0, "0"));
        cell.countCpus();
        t.cells().add(cell);
        caps.host().topology(t.count());
        caps.host().secmodels().add(new CapabilitiesDef.SecModel("none", "0"));
        CapabilitiesDef.Guest g = new CapabilitiesDef.Guest().osType("hvm");
        g.arch().name("x86_64").wordsize(64).emulator("/usr/bin/qemu-system-x86_64");
        g.arch().machines().add(new CapabilitiesDef.Machine("pc-i440fx-7.2", null, 255));
        g.arch().domains().add(new CapabilitiesDef.DomainType("qemu"));
        caps.guests().add(g);
        String out = CapabilitiesXml.format(caps);
        Assertions.assertTrue(out.contains("<cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0'/>"), out);
        Assertions.assertTrue(out.contains("<machine maxCpus='255'>pc-i440fx-7.2</machine>"), out);
        Assertions.assertEquals(out, CapabilitiesXml.format(CapabilitiesXml.parse(out)));
        if (Corpus.available()) {
            Rng.check("capability.rng", out);
        }
    }
}
