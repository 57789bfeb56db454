package org.jvirt.driver.remote;

/** The same suite over TCP on 127.0.0.1 (auth none). */
class RemoteTcpTest extends RemoteUnixTest {
    @Override
    protected String uri() {
        return daemon.tcpUri();
    }
}
