/** Support code for jvirt's cross-module tests and benchmarks. */
package org.jvirt.tests;
