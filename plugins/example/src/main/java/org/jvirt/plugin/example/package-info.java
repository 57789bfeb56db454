/**
 * The example driver plugin: {@code demo:///}, an in-memory hypervisor with two domains, shipped
 * as a pf4j plugin jar. The template for third-party drivers; see {@code docs/plugin-guide.md}.
 */
package org.jvirt.plugin.example;
