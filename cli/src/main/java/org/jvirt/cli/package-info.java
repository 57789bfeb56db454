/** jvirsh. */
package org.jvirt.cli;
