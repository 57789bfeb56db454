package org.jvirt.tests.conformance;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code corpus/storage}: pools in→out (storagepoolxml2xmltest) and volumes in→out parsed in the
 * context of {@code NAME.pool.xml} with the manifest's {@code parse_flags} (storagevolxml2xmltest);
 * outputs validated against {@code storagepool.rng} / {@code storagevol.rng}.
 */
class StorageConformanceTest {
    static final String POOLS = "storage/pools";
    static final String VOLUMES = "storage/volumes";

    @TestFactory
    Stream<DynamicTest> pools() {
        return Corpus.cases("storage", "pools/", POOLS).stream().flatMap(c -> {
            Path in = c.file("pools/" + c.id() + ".in.xml");
            return RoundTrip.of(POOLS, c.id(), c.file("pools/" + c.id() + ".out.xml"), "storagepool.rng",
                    () -> Model.pool(Corpus.read(in)));
        });
    }

    @TestFactory
    Stream<DynamicTest> volumes() {
        return Corpus.cases("storage", "volumes/", VOLUMES).stream().flatMap(c -> {
            Path in = c.file("volumes/" + c.id() + ".in.xml");
            Path pool = c.file("volumes/" + c.id() + ".pool.xml");
            return RoundTrip.of(VOLUMES, c.id(), c.file("volumes/" + c.id() + ".out.xml"), "storagevol.rng",
                    () -> Model.volume(Corpus.read(pool), Corpus.read(in), c.str("parse_flags")));
        });
    }

    @AfterAll
    static void report() {
        Conformance.report(POOLS, "rng/" + POOLS, VOLUMES, "rng/" + VOLUMES);
    }
}
