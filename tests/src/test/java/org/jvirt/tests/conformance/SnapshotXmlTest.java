package org.jvirt.tests.conformance;

import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.SnapshotDef;
import org.jvirt.conf.SnapshotXml;
import org.jvirt.core.Virt;

/**
 * Snapshot XML as libvirt's {@code snapshot_conf.c} writes it: every element of
 * {@code domainsnapshot.rng} the model types (memory, per-disk modes with external sources, the
 * domain and inactive domain, cookie) round-trips and validates against libvirt's schema.
 */
class SnapshotXmlTest {
    static String document() {
        String dom;
        try (Connect c = Virt.open("test:///default")) {
            dom = c.lookupDomainByName("test").getXMLDesc();
        }
        String nested = dom.replaceAll("(?m)^", "  ").stripTrailing() + "\n";
        String inactive = nested.replaceFirst("<domain ", "<inactiveDomain ").replaceFirst("</domain>\n$",
                "</inactiveDomain>\n").replaceFirst(" id='[0-9]+'", "");
        return "<domainsnapshot>\n"
                + "  <name>snap1</name>\n"
                + "  <description>before the upgrade</description>\n"
                + "  <state>running</state>\n"
                + "  <parent>\n    <name>snap0</name>\n  </parent>\n"
                + "  <creationTime>1700000000</creationTime>\n"
                + "  <memory snapshot='external' file='/var/lib/libvirt/qemu/snap1.mem'/>\n"
                + "  <disks>\n"
                + "    <disk name='vda' snapshot='external' type='file'>\n"
                + "      <driver type='qcow2'/>\n"
                + "      <source file='/var/lib/libvirt/images/vda.snap1'/>\n"
                + "    </disk>\n"
                + "    <disk name='vdb' snapshot='no'/>\n"
                + "  </disks>\n"
                + nested + inactive
                + "</domainsnapshot>\n";
    }

    @Test
    void roundTripAndSchema() {
        String doc = document();
        SnapshotDef s = SnapshotXml.parse(doc);
        Assertions.assertEquals("snap0", s.parent());
        Assertions.assertEquals(2, s.disks().size());
        Assertions.assertEquals("external", s.disks().get(0).snapshot());
        Assertions.assertEquals("/var/lib/libvirt/images/vda.snap1", s.disks().get(0).source().attr("file"));
        Assertions.assertNotNull(s.inactiveDomain());
        String out = SnapshotXml.format(s, true);
        Compare.sameText(doc, out, "snapshot");
        if (Corpus.available()) {
            Rng.check("domainsnapshot.rng", out);
        }
    }

    @Test
    void typedDisksBuildLibvirtsForm() {
        SnapshotDef s = new SnapshotDef();
        s.name("s");
        s.disks(List.of(new SnapshotDef.Disk("vda", "external").sourceFile("/tmp/a.qcow2")));
        String out = SnapshotXml.format(s, true);
        Assertions.assertTrue(out.contains("<disk name='vda' snapshot='external' type='file'>"), out);
        Assertions.assertTrue(out.contains("<source file='/tmp/a.qcow2'/>"), out);
    }

    @Test
    void unknownDiskModeRefused() {
        VirtException e = Assertions.assertThrows(VirtException.class, () -> SnapshotXml.parse(
                "<domainsnapshot><disks><disk name='vda' snapshot='sometimes'/></disks></domainsnapshot>"));
        Assertions.assertEquals(ErrorCode.XML_ERROR, e.code());
        Assertions.assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
    }
}
