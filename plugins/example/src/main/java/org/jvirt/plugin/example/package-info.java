/** The example driver plugin. */
package org.jvirt.plugin.example;
