package org.jvirt.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/** The typed top level of domain XML; expectations are libvirt 9.0's output (virsh -c test:///default). */
class DomainTopLevelTest {
    private static final String IN = """
            <domain type='kvm'>
              <name>t</name>
              <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
              <memory unit='G'>1</memory>
              <memoryBacking><discard/><allocation threads='8' mode='immediate'/><locked/>
                <hugepages><page unit='G' size='1' nodeset='0'/><page size='2048'/></hugepages></memoryBacking>
              <vcpu current='2' cpuset='0-3,^2'>4</vcpu>
              <cputune><emulatorpin cpuset='1-3'/><vcpupin vcpu='1' cpuset='2'/><vcpupin vcpu='0' cpuset='1,3'/>
                <quota>-1</quota><shares>2048</shares>
                <vcpusched vcpus='0-1' scheduler='fifo' priority='1'/></cputune>
              <os><boot dev='cdrom'/><type machine='q35' arch='x86_64'>hvm</type></os>
              <features><smm><tseg unit='M'>48</tseg></smm><hyperv><spinlocks retries='4095' state='on'/></hyperv>
                <hap/><acpi/></features>
              <cpu><feature name='vmx' policy='disable'/><topology sockets='1' cores='2' threads='2'/>
                <model>Haswell</model>
                <numa><cell memory='1' unit='GiB' cpus='0-3' id='0'/></numa></cpu>
              <clock offset='variable' adjustment='-3'><timer tickpolicy='catchup' name='rtc'/></clock>
              <perf><event name='mbmt' enabled='no'/><event name='cmt' enabled='yes'/></perf>
              <devices/>
            </domain>
            """;

    private static final String OUT = """
            <domain type='kvm'>
              <name>t</name>
              <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
              <memory unit='KiB'>1048576</memory>
              <currentMemory unit='KiB'>1048576</currentMemory>
              <memoryBacking>
                <hugepages>
                  <page size='1048576' unit='KiB' nodeset='0'/>
                  <page size='2048' unit='KiB'/>
                </hugepages>
                <locked/>
                <allocation mode='immediate' threads='8'/>
                <discard/>
              </memoryBacking>
              <vcpu placement='static' cpuset='0-1,3' current='2'>4</vcpu>
              <cputune>
                <shares>2048</shares>
                <quota>-1</quota>
                <vcpupin vcpu='0' cpuset='1,3'/>
                <vcpupin vcpu='1' cpuset='2'/>
                <emulatorpin cpuset='1-3'/>
                <vcpusched vcpus='0' scheduler='fifo' priority='1'/>
                <vcpusched vcpus='1' scheduler='fifo' priority='1'/>
              </cputune>
              <os>
                <type arch='x86_64' machine='q35'>hvm</type>
                <boot dev='cdrom'/>
              </os>
              <features>
                <acpi/>
                <hap state='on'/>
                <hyperv mode='custom'>
                  <spinlocks state='on' retries='4095'/>
                </hyperv>
                <smm state='on'>
                  <tseg unit='MiB'>48</tseg>
                </smm>
              </features>
              <cpu mode='custom' match='exact'>
                <model fallback='allow'>Haswell</model>
                <topology sockets='1' dies='1' cores='2' threads='2'/>
                <feature policy='disable' name='vmx'/>
                <numa>
                  <cell id='0' cpus='0-3' memory='1048576' unit='KiB'/>
                </numa>
              </cpu>
              <clock offset='variable' adjustment='-3' basis='utc'>
                <timer name='rtc' tickpolicy='catchup'/>
              </clock>
              <on_poweroff>destroy</on_poweroff>
              <on_reboot>restart</on_reboot>
              <on_crash>destroy</on_crash>
              <perf>
                <event name='cmt' enabled='yes'/>
                <event name='mbmt' enabled='no'/>
              </perf>
              <devices>
              </devices>
            </domain>
            """;

    @Test
    void formatsAsLibvirt() {
        DomainDef d = DomainXml.parse(IN);
        assertEquals(OUT, DomainXml.format(d, EnumSet.of(DomainXmlFlag.INACTIVE)));
        assertEquals(OUT, DomainXml.format(DomainXml.parse(OUT)));
    }

    @Test
    void typedViewForDrivers() {
        DomainDef d = DomainXml.parse(IN);
        assertEquals(1, d.numaCells().size());
        assertEquals(1048576, d.numaCells().get(0).memoryKiB());
        assertEquals(2, d.cpu().topology().cores());
        assertEquals("Haswell", d.cpu().model());
        assertTrue(d.memoryBacking().locked());
        assertEquals(1048576, d.memoryBacking().hugepages().pages().get(0).sizeKiB());
        assertEquals("immediate", d.memoryBacking().allocationMode());
        assertEquals(8, d.memoryBacking().allocationThreads());
        assertEquals(48, d.features().smm().tsegMiB());
        assertTrue(d.features().acpi());
        assertEquals("variable", d.clock().offset());
    }

    @Test
    void memoryFromNumaCellsWhenAbsent() {
        DomainDef d = DomainXml.parse("<domain type='kvm'><name>n</name><vcpu>2</vcpu><os><type>hvm</type></os>"
                + "<cpu><numa><cell id='0' cpus='0' memory='512' unit='MiB'/><cell id='1' cpus='1' memory='512'"
                + " unit='MiB'/></numa></cpu></domain>");
        assertEquals(1048576, d.memoryKiB());
    }

    @Test
    void refusesBadValuesWithLibvirtMessages() {
        VirtException e = assertThrows(VirtException.class, () -> DomainXml.parse(IN.replace("<hap/>",
                "<hap state='maybe'/>")));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("Invalid value for attribute 'state' in element 'hap': 'maybe'."),
                e.getMessage());
        e = assertThrows(VirtException.class, () -> DomainXml.parse(IN.replace("retries='4095'", "retries='10'")));
        assertTrue(e.getMessage().contains("HyperV spinlock retry count must be at least 4095"), e.getMessage());
    }
}
