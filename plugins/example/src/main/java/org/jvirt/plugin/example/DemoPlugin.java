package org.jvirt.plugin.example;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's life-cycle class, named by {@code Plugin-Class} in the jar's manifest. pf4j calls
 * {@link #start()} once when jvirt discovers its plugins and {@link #stop()} on shutdown. A driver
 * plugin rarely needs more than logging here: drivers do their work in {@code Driver.open}.
 */
public class DemoPlugin extends Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlugin.class);

    @Override
    public void start() {
        LOG.debug("demo driver plugin started");
    }

    @Override
    public void stop() {
        LOG.debug("demo driver plugin stopped");
    }
}
